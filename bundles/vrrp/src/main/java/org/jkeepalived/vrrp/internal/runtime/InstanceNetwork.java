package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets an instance's virtual addresses, routes and rules in the kernel while it is master, and
 * removes them when it leaves MASTER, as keepalived does.
 */
final class InstanceNetwork implements VirtualRouterListener {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceNetwork.class);

    private final KernelNetwork kernel;
    private final NetworkEntries entries;

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
