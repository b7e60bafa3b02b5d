package org.jkeepalived.netlink.testing;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Drops a capability from the calling thread's effective set with capset(2), which acts on one thread
 * only: a test thread then meets the kernel's permission checks as an unprivileged program would,
 * while the rest of the JVM keeps its privileges.
 */
public final class ThreadCapabilities {

    /** {@code CAP_NET_ADMIN}. */
    public static final int CAP_NET_ADMIN = 12;

    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    /** Two {@code struct __user_cap_data_struct} of effective, permitted, inheritable. */
    private static final int DATA_SIZE = 2 * 12;

    static {
        Native.register(ThreadCapabilities.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private ThreadCapabilities() {
    }

    private static native int capget(Pointer header, Pointer data) throws LastErrorException;

    private static native int capset(Pointer header, Pointer data) throws LastErrorException;

    /** Removes {@code capability} (below 32) from the calling thread's effective set. */
    public static void dropEffective(int capability) {
        try (Memory header = new Memory(8); Memory data = new Memory(DATA_SIZE)) {
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0);
            capget(header, data);
            data.setInt(0, data.getInt(0) & ~(1 << capability));
            capset(header, data);
        }
    }

    /** @return whether the calling thread has {@code capability} (below 32) in its effective set */
    public static boolean hasEffective(int capability) {
        try (Memory header = new Memory(8); Memory data = new Memory(DATA_SIZE)) {
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0);
            capget(header, data);
            return (data.getInt(0) & (1 << capability)) != 0;
        }
    }
}
