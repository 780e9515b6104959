#include "allocator_tuning.h"

#include <malloc.h>

int cas_allocator_tune(int mmap_threshold, int trim_threshold) {
  int mapped = mallopt(M_MMAP_THRESHOLD, mmap_threshold);
  int trimmed = mallopt(M_TRIM_THRESHOLD, trim_threshold);
  return mapped == 1 && trimmed == 1;
}
