// cas-logs supports Linux with glibc only (see Package.swift): the input readers, the child process
// of `-- COMMAND` and the byte searches call glibc directly. Elsewhere the build stops here, saying so.
#if !canImport(Glibc)
  #error("cas-logs builds on Linux (glibc) only: LogParse and the command line call Glibc directly")
#endif
