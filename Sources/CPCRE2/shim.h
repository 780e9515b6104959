#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
#include <stddef.h>
/* Must precede pcre2.h: selects the 8-bit (byte / UTF-8) library and its *_8 names. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* memmem is a GNU extension that Swift's Glibc module does not show; glibc exports it. */
extern void *memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

static inline const void *caslogs_memmem(const void *haystack, size_t haystack_length,
                                         const void *needle, size_t needle_length) {
  return memmem(haystack, haystack_length, needle, needle_length);
}
#endif
