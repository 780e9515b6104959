#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H

/// Starts counting the calling thread's heap allocations (malloc, calloc, realloc) from zero.
void allocation_counter_start(void);

/// Stops counting and returns how many allocations the calling thread made since the start.
unsigned long allocation_counter_stop(void);

#endif
