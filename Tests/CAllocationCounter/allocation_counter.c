// Counts heap allocations per thread, for tests that prove a path allocates nothing per line.
//
// The test executable's own malloc, calloc and realloc take the place of the C library's for the
// whole process (ELF symbol interposition) and forward to glibc's implementations, so memory
// behaves exactly as without them; only a thread that called allocation_counter_start counts.
#include <stddef.h>
#include "allocation_counter.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);

static __thread unsigned long counted;
static __thread int counting;

void *malloc(size_t size) {
  if (counting) counted++;
  return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
  if (counting) counted++;
  return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
  if (counting) counted++;
  return __libc_realloc(pointer, size);
}

void allocation_counter_start(void) {
  counted = 0;
  counting = 1;
}

unsigned long allocation_counter_stop(void) {
  counting = 0;
  return counted;
}
