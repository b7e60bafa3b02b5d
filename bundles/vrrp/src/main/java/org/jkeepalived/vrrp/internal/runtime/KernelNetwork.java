package org.jkeepalived.vrrp.internal.runtime;

import java.util.Set;
import java.util.function.Consumer;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.api.Rtnetlink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link NetworkEntries} into the kernel and takes them out. Each entry is its own request: one
 * the kernel refuses is logged and the others still go in, since a master with some of its
 * addresses and routes serves better than one with none. Addresses go first and come out last, as
 * keepalived orders them, since a route may name one as its source.
 */
final class KernelNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(KernelNetwork.class);
    /** What removing an entry the kernel has not got answers: the address, route or rule, or its interface, is gone. */
    private static final Set<Integer> ABSENT = Set.of(Errno.EADDRNOTAVAIL, Errno.ESRCH, Errno.ENOENT, Errno.ENODEV);

    private final Rtnetlink rtnetlink;

    /** @param rtnetlink the kernel's addresses, routes and rules */
    KernelNetwork(Rtnetlink rtnetlink) {
        this.rtnetlink = rtnetlink;
    }

    /**
     * Adds entries; one the kernel has already is left as it is.
     *
     * @param entries the entries
     * @param owner whose they are, for the log
     */
    void add(NetworkEntries entries, Object owner) {
        entries.addresses().forEach(address -> add(owner, "address " + NetworkEntries.describe(address), rtnetlink::addAddress, address));
        entries.rules().forEach(rule -> add(owner, "rule " + rule, rtnetlink::addRule, rule));
        entries.routes().forEach(route -> add(owner, "route " + route, rtnetlink::addRoute, route));
    }

    /**
     * @param address an address, as a netlink event reported it
     * @return whether the kernel has it now: an event may tell of a removal an addition has since undone
     */
    boolean has(Address address) {
        return rtnetlink.addresses().stream().anyMatch(present -> present.interfaceIndex() == address.interfaceIndex()
                && present.address().equals(address.address()));
    }

    /**
     * Removes whichever of the entries the kernel has, saying nothing of those it has not.
     *
     * @param entries the entries
     * @param owner whose they are, for the log
     */
    void remove(NetworkEntries entries, Object owner) {
        entries.routes().forEach(route -> remove(owner, "route " + route, rtnetlink::deleteRoute, route));
        entries.rules().forEach(rule -> remove(owner, "rule " + rule, rtnetlink::deleteRule, rule));
        entries.addresses().forEach(address -> remove(owner, "address " + NetworkEntries.describe(address), rtnetlink::deleteAddress, address));
    }

    private static <T> void add(Object owner, String what, Consumer<T> request, T entry) {
        try {
            request.accept(entry);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.EEXIST) {
                LOG.error("{} cannot set {}: {}", owner, what, e.getMessage());
            }
        }
    }

    private static <T> void remove(Object owner, String what, Consumer<T> request, T entry) {
        try {
            request.accept(entry);
        } catch (NetlinkException e) {
            if (!ABSENT.contains(e.errno())) {
                LOG.error("{} cannot remove {}: {}", owner, what, e.getMessage());
            }
        }
    }
}
