package org.jkeepalived.core.api.linux;

import com.sun.jna.LastErrorException;

/**
 * The errno values that jkeepalived reacts to or reports, with their names, so that messages say
 * {@code EEXIST (File exists)} rather than {@code 17}.
 */
public final class Errno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENOBUFS = 105;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETUNREACH = 101;
    public static final int ETIMEDOUT = 110;
    public static final int ECONNREFUSED = 111;
    public static final int EHOSTUNREACH = 113;
    public static final int EBADMSG = 74;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int EPROTONOSUPPORT = 93;
    public static final int ESRCH = 3;

    private Errno() {
    }

    /**
     * @param errno an errno value
     * @return its symbolic name and the C library's text, for example {@code EEXIST (File exists)}
     */
    public static String describe(int errno) {
        return name(errno) + " (" + text(errno) + ")";
    }

    /**
     * @param error a failed system call
     * @return the name and text of its errno
     */
    public static String describe(LastErrorException error) {
        return describe(error.getErrorCode());
    }

    /**
     * @param errno an errno value
     * @return its symbolic name, or {@code errno N} for one not listed here
     */
    public static String name(int errno) {
        switch (errno) {
            case EPERM: return "EPERM";
            case ENOENT: return "ENOENT";
            case ESRCH: return "ESRCH";
            case EINTR: return "EINTR";
            case EBADF: return "EBADF";
            case EAGAIN: return "EAGAIN";
            case ENOMEM: return "ENOMEM";
            case EACCES: return "EACCES";
            case EBUSY: return "EBUSY";
            case EEXIST: return "EEXIST";
            case ENODEV: return "ENODEV";
            case EINVAL: return "EINVAL";
            case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
            case EBADMSG: return "EBADMSG";
            case EOPNOTSUPP: return "EOPNOTSUPP";
            case EAFNOSUPPORT: return "EAFNOSUPPORT";
            case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
            case ENETUNREACH: return "ENETUNREACH";
            case ENOBUFS: return "ENOBUFS";
            case ETIMEDOUT: return "ETIMEDOUT";
            case ECONNREFUSED: return "ECONNREFUSED";
            case EHOSTUNREACH: return "EHOSTUNREACH";
            default: return "errno " + errno;
        }
    }

    private static String text(int errno) {
        return LinuxLibc.strerror(errno);
    }
}
