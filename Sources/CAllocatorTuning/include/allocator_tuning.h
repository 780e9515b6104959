#ifndef CAS_LOGS_ALLOCATOR_TUNING_H
#define CAS_LOGS_ALLOCATOR_TUNING_H

/// Sets glibc's mmap threshold (blocks of at least this many bytes are mapped on their own) and
/// trim threshold (freed memory at the top of the heap kept before it is returned), in bytes.
/// Returns 1 when both were set, 0 otherwise.
int cas_allocator_tune(int mmap_threshold, int trim_threshold);

#endif
