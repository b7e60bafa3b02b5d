package org.jkeepalived.core.api.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The C library's system call wrappers, bound by JNA direct mapping (no proxy, no boxing). A call
 * that fails throws {@link LastErrorException}; {@link Errno#describe} names its code.
 */
public final class LinuxLibc {

    /** {@code CLOCK_MONOTONIC}, the clock of {@link System#nanoTime()} on Linux. */
    public static final int CLOCK_MONOTONIC = 1;

    /** {@code O_RDONLY}, {@code O_NONBLOCK} and {@code O_CLOEXEC}, also the {@code EFD_}/{@code TFD_} flags of the same name. */
    public static final int O_RDONLY = 0;
    /** {@code O_RDWR}: open for reading and writing; a FIFO so opened never waits for a peer. */
    public static final int O_RDWR = 2;
    /** {@code O_NOFOLLOW}: fail with {@code ELOOP} if the last part of the path is a symbolic link. */
    public static final int O_NOFOLLOW = 0x20000;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;

    /** {@code CLONE_NEWNET}, the network namespace type of {@link #setns}. */
    public static final int CLONE_NEWNET = 0x40000000;

    /** The scheduling policies of {@link #sched_setscheduler}: the ordinary one, and real-time round robin. */
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_RR = 2;
    /** Or'ed into a policy: threads and processes the thread starts do not inherit a real-time policy or a negative niceness. */
    public static final int SCHED_RESET_ON_FORK = 0x40000000;
    /** {@code PRIO_PROCESS}, which {@link #setpriority} takes for one thread (Linux schedules threads, not processes). */
    public static final int PRIO_PROCESS = 0;

    static {
        Native.register(LinuxLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LinuxLibc() {
    }

    public static native int open(String path, int flags) throws LastErrorException;

    /** @return SIGRTMIN, the lowest real-time signal the C library leaves to programs (it keeps some for itself) */
    public static native int __libc_current_sigrtmin();

    public static native int close(int fd) throws LastErrorException;

    /** Creates a FIFO (named pipe) with the given permission bits, less the umask. */
    public static native int mkfifo(String path, int mode) throws LastErrorException;

    public static native long read(int fd, Pointer buffer, long count) throws LastErrorException;

    public static native long write(int fd, Pointer buffer, long count) throws LastErrorException;

    public static native int epoll_create1(int flags) throws LastErrorException;

    public static native int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException;

    public static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis)
            throws LastErrorException;

    public static native int eventfd(int initialValue, int flags) throws LastErrorException;

    public static native int timerfd_create(int clockId, int flags) throws LastErrorException;

    public static native int timerfd_settime(int fd, int flags, Pointer newValue, Pointer oldValue)
            throws LastErrorException;

    public static native int clock_gettime(int clockId, Pointer timespec) throws LastErrorException;

    public static native int pipe2(int[] fds, int flags) throws LastErrorException;

    public static native int socket(int domain, int type, int protocol) throws LastErrorException;

    public static native int bind(int fd, Pointer address, int addressLength) throws LastErrorException;

    public static native int connect(int fd, Pointer address, int addressLength) throws LastErrorException;

    public static native int getsockname(int fd, Pointer address, int[] addressLength) throws LastErrorException;

    public static native int setsockopt(int fd, int level, int option, Pointer value, int valueLength)
            throws LastErrorException;

    public static native int getsockopt(int fd, int level, int option, Pointer value, int[] valueLength)
            throws LastErrorException;

    public static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address,
            int addressLength) throws LastErrorException;

    public static native long recvfrom(int fd, Pointer buffer, long length, int flags, Pointer address,
            int[] addressLength) throws LastErrorException;

    public static native long sendmsg(int fd, Pointer message, int flags) throws LastErrorException;

    public static native long recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    public static native int if_nametoindex(String name);

    /** The device requests of {@code netdevice(7)} ({@code SIOCGIFADDR}, {@code SIOCGIFHWADDR}...) on a socket. */
    public static native int ioctl(int fd, long request, Pointer argument) throws LastErrorException;

    /** Moves the calling thread into the namespace open at {@code fd}; sockets it creates then live there. */
    public static native int setns(int fd, int namespaceType) throws LastErrorException;

    /**
     * Sets the policy and priority of a thread; {@code pid} 0 is the calling thread.
     *
     * @param parameter {@code struct sched_param}: one int, the priority (0 for {@link #SCHED_OTHER})
     */
    public static native int sched_setscheduler(int pid, int policy, int[] parameter) throws LastErrorException;

    /** Sets the niceness of a thread ({@code which} {@link #PRIO_PROCESS}, {@code who} 0: the calling thread). */
    public static native int setpriority(int which, int who, int niceness) throws LastErrorException;

    /** glibc returns a constant string for every known code, so this is safe from any thread. */
    public static native String strerror(int errno);
}
