#ifndef CAS_LOGS_CHILD_SPAWN_H
#define CAS_LOGS_CHILD_SPAWN_H

#include <sys/types.h>

/// Starts `file` (looked up in PATH) with `argv` in a process group of its own, its standard output on
/// `out_fd` and its standard error on `err_fd`, default dispositions for SIGPIPE, SIGINT, SIGTERM,
/// SIGHUP and SIGQUIT, no blocked signals, and (on Linux) SIGTERM as its parent-death signal, so that
/// the command does not outlive cas-logs even when cas-logs is killed with SIGKILL.
///
/// fork and exec rather than posix_spawn, which cannot set a parent-death signal. Between the two the
/// child calls only async-signal-safe functions (and execvp, which glibc implements without malloc).
/// The parent-death signal fires when the thread that called this function ends: call it from the
/// main thread. Returns 0 with the child's id in `pid`, or the errno of the failure (exec's included).
int cas_child_spawn(const char *file, char *const argv[], int out_fd, int err_fd, pid_t *pid);

#endif
