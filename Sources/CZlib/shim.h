#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro (it passes the header's version and struct size): a function for Swift. */
static inline int caslogs_inflate_init_gzip(z_stream *stream) {
  /* 15 + 16: the largest window, gzip wrapper only (a zlib or raw stream is an error). */
  return inflateInit2(stream, 15 + 16);
}
#endif
