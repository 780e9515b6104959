#define _GNU_SOURCE
#include "child_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/// The child's side: never returns; writes errno to `report` when it cannot exec.
static void run_child(const char *file, char *const argv[], int out_fd, int err_fd, int report, pid_t parent) {
  int error = 0;
  setpgid(0, 0);
#ifdef __linux__
  // Parent-death signal, then a check that the parent did not die before it was set.
  if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) error = errno;
  if (error == 0 && getppid() != parent) _exit(127);
#else
  (void)parent;
#endif
  // Copies above 2 first, so that a pipe end that is itself 1 or 2 is not lost or left close-on-exec.
  int out = error == 0 ? fcntl(out_fd, F_DUPFD_CLOEXEC, 3) : -1;
  int err = out >= 0 ? fcntl(err_fd, F_DUPFD_CLOEXEC, 3) : -1;
  if (error == 0 && (out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0)) error = errno;
  if (error == 0) {
    struct sigaction defaults;
    memset(&defaults, 0, sizeof defaults);
    defaults.sa_handler = SIG_DFL;
    sigemptyset(&defaults.sa_mask);
    const int numbers[] = {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (unsigned i = 0; i < sizeof numbers / sizeof numbers[0]; i++) sigaction(numbers[i], &defaults, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execvp(file, argv);
    error = errno;
  }
  ssize_t written;
  do written = write(report, &error, sizeof error); while (written < 0 && errno == EINTR);
  _exit(127);
}

int cas_child_spawn(const char *file, char *const argv[], int out_fd, int err_fd, pid_t *pid) {
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) return errno;
  pid_t parent = getpid();
  // Every signal blocked across fork: no handler of cas-logs runs in the child before exec.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  pid_t child = fork();
  if (child == 0) run_child(file, argv, out_fd, err_fd, report[1], parent);
  int forkError = errno;
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  close(report[1]);
  if (child < 0) {
    close(report[0]);
    return forkError;
  }
  // Also from this side, so that the group exists before this returns (EACCES once it has exec'd).
  setpgid(child, child);
  int error = 0;
  ssize_t count;
  do count = read(report[0], &error, sizeof error); while (count < 0 && errno == EINTR);
  close(report[0]);
  if (count == (ssize_t)sizeof error) {
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    return error == 0 ? EINVAL : error;
  }
  *pid = child;
  return 0;
}
