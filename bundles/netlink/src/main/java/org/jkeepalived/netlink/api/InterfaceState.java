package org.jkeepalived.netlink.api;

import java.util.List;

/**
 * An interface in the {@link InterfaceMonitor}'s model: the link and the addresses on it.
 *
 * @param link the link
 * @param addresses its IPv4 and IPv6 addresses, in the order the kernel reported them
 */
public record InterfaceState(Link link, List<Address> addresses) {

    /** Copies the addresses. */
    public InterfaceState {
        addresses = List.copyOf(addresses);
    }

    /** @return the interface name */
    public String name() {
        return link.name();
    }

    /** @return the interface index */
    public int index() {
        return link.index();
    }

    /** @return whether it is up as {@link Link#isUp()} defines it */
    public boolean isUp() {
        return link.isUp();
    }
}
