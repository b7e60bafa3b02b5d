package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;
import java.util.Optional;

import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.AddressSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static_ipaddress, static_routes and static_rules of the running configuration, as keepalived
 * keeps them: at start what a previous run left is removed and they are set; a reload removes those
 * no longer configured and sets the others; an address someone deletes is set again; stopping
 * removes them. Used on the VRRP loop only.
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

    /**
     * An address was deleted: a static one, unless no_track, is set again, as keepalived does.
     *
     * @param device the interface it was on
     * @param removed the address
     */
    void addressRemoved(String device, Address removed) {
        Optional<AddressSpec> address = set == null ? Optional.empty() : set.tracked(device, removed.address());
        // the kernel says whether it is gone: an event may tell of a removal a reload has since undone
        if (address.isPresent() && !kernel.has(removed)) {
            LOG.warn("static address {} was deleted; setting it again", NetworkEntries.describe(address.get()));
            kernel.add(new NetworkEntries(List.of(address.get()), List.of(), List.of()), OWNER);
        }
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
