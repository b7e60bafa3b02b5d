package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;
import java.util.stream.Collectors;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.api.Rtnetlink;
import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets and removes the virtual addresses of one instance in the kernel. Each address is its own
 * request: one the kernel refuses is logged and the others still go in, since a master with some
 * of its addresses serves better than one with none.
 */
final class InstanceAddresses implements VirtualRouterListener {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceAddresses.class);

    private final Rtnetlink rtnetlink;
    private final List<AddressSpec> addresses;

    /**
     * @param rtnetlink the kernel's addresses
     * @param addresses the instance's virtual addresses
     */
    InstanceAddresses(Rtnetlink rtnetlink, List<AddressSpec> addresses) {
        this.rtnetlink = rtnetlink;
        this.addresses = List.copyOf(addresses);
    }

    @Override
    public void addVirtualAddresses(VrrpSettings settings) {
        if (addresses.isEmpty()) {
            return;
        }
        LOG.info("{} setting virtual addresses {}", settings, describe());
        for (AddressSpec address : addresses) {
            try {
                rtnetlink.addAddress(address);
            } catch (NetlinkException e) {
                if (e.errno() != Errno.EEXIST) {
                    LOG.error("{} cannot set virtual address {}: {}", settings, describe(address), e.getMessage());
                }
            }
        }
    }

    @Override
    public void removeVirtualAddresses(VrrpSettings settings) {
        if (addresses.isEmpty()) {
            return;
        }
        LOG.info("{} removing virtual addresses {}", settings, describe());
        removeQuietly(settings);
    }

    /**
     * Removes whichever of the addresses the kernel has, saying nothing of those it has not: at start
     * an instance takes back what a previous run left behind, so that two routers never answer for
     * one address.
     *
     * @param settings the instance
     */
    void removeQuietly(VrrpSettings settings) {
        for (AddressSpec address : addresses) {
            try {
                rtnetlink.deleteAddress(address);
            } catch (NetlinkException e) {
                // gone already, or its interface is
                if (e.errno() != Errno.EADDRNOTAVAIL && e.errno() != Errno.ENODEV) {
                    LOG.error("{} cannot remove virtual address {}: {}", settings, describe(address), e.getMessage());
                }
            }
        }
    }

    private String describe() {
        return addresses.stream().map(InstanceAddresses::describe).collect(Collectors.joining(", "));
    }

    /** @return the address as {@code ip address} shows it */
    static String describe(AddressSpec address) {
        return address.address().getHostAddress() + "/" + address.prefixLength() + " dev " + address.device();
    }
}
