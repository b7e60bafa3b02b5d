package org.jkeepalived.vrrp.internal.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static_ipaddress, static_routes and static_rules of the running configuration, as keepalived
 * keeps them: at start what a previous run left is removed and they are set; a reload removes those
 * no longer configured and sets the others; stopping removes them. Used on the VRRP loop only.
 */
final class StaticNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(StaticNetwork.class);
    private static final String OWNER = "static";

    private final KernelNetwork kernel;
    /** What is set; {@code null} before the first configuration. */
    private NetworkEntries set;

    /** @param kernel the kernel's network */
    StaticNetwork(KernelNetwork kernel) {
        this.kernel = kernel;
    }

    /** @param wanted the static entries of a new configuration */
    void apply(NetworkEntries wanted) {
        NetworkEntries gone = set == null ? wanted : set.without(wanted);
        if (set != null && !gone.isEmpty()) {
            LOG.info("removing static {} no longer configured", gone);
        }
        kernel.remove(gone, OWNER);
        NetworkEntries added = set == null ? wanted : wanted.without(set);
        if (!added.isEmpty()) {
            LOG.info("setting static {}", added);
        }
        // all of them, as keepalived does: one removed by hand since comes back
        kernel.add(wanted, OWNER);
        set = wanted;
    }

    /** Removes every static entry, as keepalived does when it stops. */
    void removeAll() {
        if (set != null && !set.isEmpty()) {
            LOG.info("removing static {}", set);
            kernel.remove(set, OWNER);
        }
        set = null;
    }
}
