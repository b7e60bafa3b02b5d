package org.jkeepalived.checker.misc;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The C library calls MISC_CHECK needs that Java has not: signals to a process group, user and group lookup. */
final class Libc {

    static final int SIGTERM = 15;
    static final int SIGKILL = 9;

    /** struct passwd (x86_64 and aarch64): pw_name, pw_passwd, then pw_uid and pw_gid. */
    private static final int PW_UID = 16;
    private static final int PW_GID = 20;
    /** struct group: gr_name, gr_passwd, then gr_gid. */
    private static final int GR_GID = 16;

    private static final C C_LIBRARY = Native.load("c", C.class);

    /** Only one lookup at a time: getpwnam and getgrnam return a shared buffer. */
    private static final Object LOOKUP = new Object();

    private Libc() {
    }

    /**
     * Sends a signal to every process of a group.
     *
     * @param group the process group id
     * @param signal the signal
     * @return whether some process got it
     */
    static boolean killGroup(long group, int signal) {
        return C_LIBRARY.kill(-(int) group, signal) == 0;
    }

    /**
     * @param user a user name
     * @return the user's id and primary group id, or null if there is no such user
     */
    static int[] user(String user) {
        synchronized (LOOKUP) {
            Pointer entry = C_LIBRARY.getpwnam(user);
            return entry == null ? null : new int[] {entry.getInt(PW_UID), entry.getInt(PW_GID)};
        }
    }

    /**
     * @param group a group name
     * @return the group's id, or -1 if there is no such group
     */
    static int group(String group) {
        synchronized (LOOKUP) {
            Pointer entry = C_LIBRARY.getgrnam(group);
            return entry == null ? -1 : entry.getInt(GR_GID);
        }
    }

    /** The functions, as libc exports them. */
    interface C extends Library {
        int kill(int pid, int signal);

        Pointer getpwnam(String name);

        Pointer getgrnam(String name);
    }
}
