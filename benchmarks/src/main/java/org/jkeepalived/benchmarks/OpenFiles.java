package org.jkeepalived.benchmarks;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/** The open-file limit of the process, RLIMIT_NOFILE. */
final class OpenFiles {

    private OpenFiles() {
    }

    /**
     * Raises RLIMIT_NOFILE to {@code wanted} where it is lower. Beyond the hard limit that takes
     * CAP_SYS_RESOURCE; without it the limit is raised to the hard limit, and {@code needed} must fit.
     *
     * @param wanted what the process could use at most
     * @param needed what it cannot do without
     */
    static void raise(long wanted, long needed) {
        Rlimit limit = new Rlimit();
        Resources.INSTANCE.getrlimit(Resources.RLIMIT_NOFILE, limit);
        if (limit.current >= wanted) {
            return;
        }
        long hard = limit.maximum;
        limit.current = wanted;
        limit.maximum = Math.max(hard, wanted);
        try {
            Resources.INSTANCE.setrlimit(Resources.RLIMIT_NOFILE, limit);
            return;
        } catch (LastErrorException e) {
            if (hard < needed) {
                throw new IllegalStateException("the open file limit is below " + needed + " and cannot be raised ("
                        + e.getMessage() + "): run after ulimit -n " + needed, e);
            }
        }
        limit.current = hard;
        limit.maximum = hard;
        Resources.INSTANCE.setrlimit(Resources.RLIMIT_NOFILE, limit);
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
