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

    /** {@code O_NONBLOCK} and {@code O_CLOEXEC}, also the {@code EFD_}/{@code TFD_} flags of the same name. */
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;

    static {
        Native.register(LinuxLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LinuxLibc() {
    }

    public static native int close(int fd) throws LastErrorException;

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

    /** glibc returns a constant string for every known code, so this is safe from any thread. */
    public static native String strerror(int errno);
}
