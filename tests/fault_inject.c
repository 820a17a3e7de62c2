// Fault injection for tests, loaded with LD_PRELOAD into `minutebook`:
// makes the system calls of a run fail as a full disk, a flaky share or a
// file that changes under its reader would, without privileges.
//
// Set by environment variables (all optional):
//   MB_FAULT_DIR=/abs/dir    writes under this folder are counted: write,
//                            pwrite, fsync, fdatasync, ftruncate, fallocate
//                            on files opened under it, renames into it
//   MB_FAULT_ENOSPC_AT=N     the N-th counted write (1-based) and every one
//                            after it fail with ENOSPC: the disk is full
//   MB_FAULT_ALL_PROCESSES=1 the processes it forks (the readers) count
//                            and fail their writes too, each on its own
//   MB_FAULT_REPORT=FILE     at exit, the process that loaded the shim
//                            first writes how many writes it counted
//   MB_FAULT_READ_PATH=TEXT  reads of files whose path contains TEXT fail
//   MB_FAULT_READ_ERRNO=N    ... with this errno (default EIO)
//   MB_FAULT_TOUCH_PATH=TEXT a file whose path contains TEXT has its
//                            modification time moved on after each read,
//                            as if it were being rewritten
// Unless MB_FAULT_ALL_PROCESSES is set, only the process that loaded the
// shim counts; processes it forks (the readers) inherit the faults for reads
// but count no writes.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

enum { kMaxFd = 65536, kUnderDir = 1, kReadFails = 2, kTouched = 4 };

static unsigned char fd_flags[kMaxFd];
static const char* fault_dir;
static size_t fault_dir_len;
static long enospc_at;
static long writes_counted;
static pid_t owner;
static int all_processes;
static const char* read_path;
static int read_errno = EIO;
static const char* touch_path;

static void init(void) __attribute__((constructor));
static void init(void) {
    owner = getpid();
    all_processes = getenv("MB_FAULT_ALL_PROCESSES") != NULL;
    fault_dir = getenv("MB_FAULT_DIR");
    fault_dir_len = fault_dir ? strlen(fault_dir) : 0;
    const char* at = getenv("MB_FAULT_ENOSPC_AT");
    enospc_at = at ? atol(at) : 0;
    read_path = getenv("MB_FAULT_READ_PATH");
    if (read_path && !*read_path) read_path = NULL;
    const char* e = getenv("MB_FAULT_READ_ERRNO");
    if (e) read_errno = atoi(e);
    touch_path = getenv("MB_FAULT_TOUCH_PATH");
    if (touch_path && !*touch_path) touch_path = NULL;
}

static void finish(void) __attribute__((destructor));
static void finish(void) {
    const char* report = getenv("MB_FAULT_REPORT");
    if (!report || getpid() != owner) return;
    FILE* f = fopen(report, "w");
    if (!f) return;
    fprintf(f, "%ld\n", writes_counted);
    fclose(f);
}

#define REAL(name) \
    static __typeof__(name)* real_##name; \
    if (!real_##name) real_##name = (__typeof__(name)*)dlsym(RTLD_NEXT, #name)

// The absolute form of `path` opened relative to `dirfd`, in `out`.
static void absolute(int dirfd, const char* path, char* out, size_t size) {
    if (path[0] == '/') {
        snprintf(out, size, "%s", path);
        return;
    }
    char base[PATH_MAX] = "";
    if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base)) base[0] = 0;
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        ssize_t n = readlink(link, base, sizeof base - 1);
        base[n > 0 ? n : 0] = 0;
    }
    snprintf(out, size, "%s/%s", base, path);
}

static int under_dir(int dirfd, const char* path) {
    if (!fault_dir || !path) return 0;
    char abs[PATH_MAX * 2];
    absolute(dirfd, path, abs, sizeof abs);
    return strncmp(abs, fault_dir, fault_dir_len) == 0 && (abs[fault_dir_len] == '/' || abs[fault_dir_len] == 0);
}

static void track(int fd, int dirfd, const char* path) {
    if (fd < 0 || fd >= kMaxFd) return;
    unsigned char flags = 0;
    if (under_dir(dirfd, path)) flags |= kUnderDir;
    if (read_path && strstr(path, read_path)) flags |= kReadFails;
    if (touch_path && strstr(path, touch_path)) flags |= kTouched;
    fd_flags[fd] = flags;
}

// True when this counted write must fail (errno is then ENOSPC).
static int disk_full(void) {
    if (!all_processes && getpid() != owner) return 0;
    ++writes_counted;
    if (enospc_at > 0 && writes_counted >= enospc_at) {
        errno = ENOSPC;
        return 1;
    }
    return 0;
}

static int counted_fd(int fd) { return fd >= 0 && fd < kMaxFd && (fd_flags[fd] & kUnderDir); }

static void after_read(int fd) {
    if (fd < 0 || fd >= kMaxFd || !(fd_flags[fd] & kTouched)) return;
    struct timespec now[2];
    clock_gettime(CLOCK_REALTIME, &now[0]);
    now[0].tv_sec += 10;
    now[1] = now[0];
    futimens(fd, now);
}

static int open_mode_needed(int flags) { return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE; }

// The mode argument of an open call that creates a file.
#define TAKE_MODE(flags, mode)             \
    do {                                   \
        if (open_mode_needed(flags)) {     \
            va_list ap;                    \
            va_start(ap, flags);           \
            mode = va_arg(ap, mode_t);     \
            va_end(ap);                    \
        }                                  \
    } while (0)

int open(const char* path, int flags, ...) {
    REAL(open);
    mode_t mode = 0;
    TAKE_MODE(flags, mode);
    int fd = real_open(path, flags, mode);
    track(fd, AT_FDCWD, path);
    return fd;
}

int open64(const char* path, int flags, ...) {
    REAL(open64);
    mode_t mode = 0;
    TAKE_MODE(flags, mode);
    int fd = real_open64(path, flags, mode);
    track(fd, AT_FDCWD, path);
    return fd;
}

int openat(int dirfd, const char* path, int flags, ...) {
    REAL(openat);
    mode_t mode = 0;
    TAKE_MODE(flags, mode);
    int fd = real_openat(dirfd, path, flags, mode);
    track(fd, dirfd, path);
    return fd;
}

int openat64(int dirfd, const char* path, int flags, ...) {
    REAL(openat64);
    mode_t mode = 0;
    TAKE_MODE(flags, mode);
    int fd = real_openat64(dirfd, path, flags, mode);
    track(fd, dirfd, path);
    return fd;
}

// Writes of every kind: the counted ones fail once the disk is full.
#define COUNTED(ret, name, params, args)                  \
    ret name params {                                     \
        REAL(name);                                       \
        if (counted_fd(fd) && disk_full()) return -1;     \
        return real_##name args;                          \
    }

COUNTED(ssize_t, write, (int fd, const void* buf, size_t n), (fd, buf, n))
COUNTED(ssize_t, pwrite, (int fd, const void* buf, size_t n, off_t offset), (fd, buf, n, offset))
COUNTED(ssize_t, pwrite64, (int fd, const void* buf, size_t n, off64_t offset), (fd, buf, n, offset))
COUNTED(int, fsync, (int fd), (fd))
COUNTED(int, fdatasync, (int fd), (fd))
COUNTED(int, ftruncate, (int fd, off_t length), (fd, length))
COUNTED(int, fallocate, (int fd, int mode, off_t offset, off_t len), (fd, mode, offset, len))

int close(int fd) {
    REAL(close);
    if (fd >= 0 && fd < kMaxFd) fd_flags[fd] = 0;
    return real_close(fd);
}

ssize_t read(int fd, void* buf, size_t n) {
    REAL(read);
    if (fd >= 0 && fd < kMaxFd && (fd_flags[fd] & kReadFails)) {
        errno = read_errno;
        return -1;
    }
    ssize_t got = real_read(fd, buf, n);
    if (got > 0) after_read(fd);
    return got;
}

int rename(const char* from, const char* to) {
    REAL(rename);
    if (under_dir(AT_FDCWD, to) && disk_full()) return -1;
    return real_rename(from, to);
}

int renameat(int fromfd, const char* from, int tofd, const char* to) {
    REAL(renameat);
    if (under_dir(tofd, to) && disk_full()) return -1;
    return real_renameat(fromfd, from, tofd, to);
}
