package org.jkeepalived.ipvs.api;

import java.util.Locale;
import java.util.Optional;

/** The implementations of {@link DataPlane}, by the names the {@code jkeepalived.dataplane} property takes. */
public enum Backend {
    /** The kernel's IPVS, through generic netlink. */
    KERNEL,
    /** A userspace L4 forwarder, for hosts without IPVS: connections are proxied through this host. */
    USERSPACE;

    /** @return its name in configuration */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the backend named {@code name} in configuration */
    public static Optional<Backend> byConfigName(String name) {
        for (Backend backend : values()) {
            if (backend.configName().equals(name)) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }
}
