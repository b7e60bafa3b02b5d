package org.jkeepalived.benchmarks;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/** The open-file limit of the process, RLIMIT_NOFILE. */
final class OpenFiles {

    private OpenFiles() {
    }

    /** Raises RLIMIT_NOFILE to {@code wanted} where it is lower; beyond the hard limit that takes CAP_SYS_RESOURCE. */
    static void raise(long wanted) {
        Rlimit limit = new Rlimit();
        Resources.INSTANCE.getrlimit(Resources.RLIMIT_NOFILE, limit);
        if (limit.current >= wanted) {
            return;
        }
        limit.current = wanted;
        limit.maximum = Math.max(limit.maximum, wanted);
        try {
            Resources.INSTANCE.setrlimit(Resources.RLIMIT_NOFILE, limit);
        } catch (LastErrorException e) {
            throw new IllegalStateException("the open file limit is below " + wanted + " and cannot be raised ("
                    + e.getMessage() + "): run after ulimit -n " + wanted, e);
        }
    }

    /** getrlimit(2) and setrlimit(2). */
    private interface Resources extends com.sun.jna.Library {
        Resources INSTANCE = Native.load("c", Resources.class);
        int RLIMIT_NOFILE = 7;

        int getrlimit(int resource, Rlimit limit) throws LastErrorException;

        int setrlimit(int resource, Rlimit limit) throws LastErrorException;
    }

    /** struct rlimit. */
    @Structure.FieldOrder({"current", "maximum"})
    public static final class Rlimit extends Structure {
        public long current;
        public long maximum;
    }
}
