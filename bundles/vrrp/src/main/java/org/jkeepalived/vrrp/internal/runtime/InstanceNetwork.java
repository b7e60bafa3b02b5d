package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets an instance's virtual addresses, routes and rules in the kernel while it is master, and
 * removes them when it leaves MASTER, as keepalived does; with no_accept, packets to the addresses
 * are dropped from before they are set until after they are removed. Used on the VRRP loop only.
 */
final class InstanceNetwork implements VirtualRouterListener {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceNetwork.class);

    private final KernelNetwork kernel;
    private final NoAcceptFilter filter;
    private NetworkEntries entries;
    private boolean noAccept;

    /**
     * @param kernel the kernel's network
     * @param filter what drops packets to the addresses of no_accept instances
     * @param entries the instance's virtual addresses, routes and rules
     * @param noAccept whether packets to its addresses are dropped while it is master
     */
    InstanceNetwork(KernelNetwork kernel, NoAcceptFilter filter, NetworkEntries entries, boolean noAccept) {
        this.kernel = kernel;
        this.filter = filter;
        this.entries = entries;
        this.noAccept = noAccept;
    }

    @Override
    public void addVirtualAddresses(VrrpSettings settings) {
        if (noAccept) {
            filter.block(settings.name(), entries.addresses());
        }
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
        if (noAccept) {
            filter.unblock(settings.name(), entries.addresses());
        }
    }

    /**
     * Takes the routes and rules of a reloaded configuration: a master removes those that left it and
     * sets the new ones, without leaving MASTER, as keepalived does on reload.
     *
     * @param next the instance's entries in the new configuration, with the same addresses
     * @param nextNoAccept whether the new configuration drops packets to them while it is master
     * @param master whether the instance is master
     * @param settings the instance
     */
    void update(NetworkEntries next, boolean nextNoAccept, boolean master, VrrpSettings settings) {
        if (master && nextNoAccept != noAccept) {
            if (nextNoAccept) {
                filter.block(settings.name(), next.addresses());
            } else {
                filter.unblock(settings.name(), next.addresses());
            }
        }
        noAccept = nextNoAccept;
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
        // whatever the mode: an instance of a loop the watchdog abandoned may have left them blocked
        filter.unblock(settings.name(), entries.addresses());
    }
}
