package org.jkeepalived.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host name as the kernel has it (uname's nodename), which keepalived's defaults use. */
public final class HostName {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** @return the host name, or {@code localhost} if the kernel does not say */
    public static String name() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).strip();
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    /** @return the host name up to its first dot: keepalived's default config id */
    public static String shortName() {
        String name = name();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
