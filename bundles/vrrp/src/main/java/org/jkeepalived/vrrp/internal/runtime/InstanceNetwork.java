package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets an instance's virtual addresses, routes and rules in the kernel while it is master, and
 * removes them when it leaves MASTER, as keepalived does. Used on the VRRP loop only.
 */
final class InstanceNetwork implements VirtualRouterListener {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceNetwork.class);

    private final KernelNetwork kernel;
    private NetworkEntries entries;

    /**
     * @param kernel the kernel's network
     * @param entries the instance's virtual addresses, routes and rules
     */
    InstanceNetwork(KernelNetwork kernel, NetworkEntries entries) {
        this.kernel = kernel;
        this.entries = entries;
    }

    @Override
    public void addVirtualAddresses(VrrpSettings settings) {
        if (!entries.isEmpty()) {
            LOG.info("{} setting {}", settings, entries);
            kernel.add(entries, settings);
        }
    }

    @Override
    public void removeVirtualAddresses(VrrpSettings settings) {
        if (!entries.isEmpty()) {
            LOG.info("{} removing {}", settings, entries);
            kernel.remove(entries, settings);
        }
    }

    /**
     * Takes the routes and rules of a reloaded configuration: a master removes those that left it and
     * sets the new ones, without leaving MASTER, as keepalived does on reload.
     *
     * @param next the instance's entries in the new configuration, with the same addresses
     * @param master whether the instance is master
     * @param settings the instance
     */
    void update(NetworkEntries next, boolean master, VrrpSettings settings) {
        if (master) {
            NetworkEntries gone = entries.without(next);
            NetworkEntries added = next.without(entries);
            if (!gone.isEmpty()) {
                LOG.info("{} removing {} no longer configured", settings, gone);
                kernel.remove(gone, settings);
            }
            if (!added.isEmpty()) {
                LOG.info("{} setting {}", settings, added);
                kernel.add(added, settings);
            }
        }
        entries = next;
    }

    /**
     * Removes whichever of the entries the kernel has, saying nothing of those it has not: at start
     * an instance takes back what a previous run left behind, so that two routers never answer for
     * one address.
     *
     * @param settings the instance
     */
    void removeQuietly(VrrpSettings settings) {
        kernel.remove(entries, settings);
    }
}
