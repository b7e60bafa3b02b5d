package org.jkeepalived.config.api.model.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.config.api.model.net.IpFamily;

/**
 * virtual_server_group: addresses, address ranges and firewall marks that share one set of real
 * servers and checkers.
 *
 * @param name the name {@code virtual_server group NAME} refers to
 * @param entries the members, in the order written
 */
public record VirtualServerGroup(String name, List<Entry> entries) {

    public VirtualServerGroup {
        entries = List.copyOf(entries);
    }

    /** A member of the group. */
    public sealed interface Entry {
    }

    /**
     * {@code IP [PORT]} or a range of addresses: {@code a.b.c.d-e}, {@code a.b.c.d-e.f.g.h} or
     * {@code a.b.c.d/nn}, and their IPv6 forms.
     *
     * @param first the first address
     * @param last the last address, both included (equal to first for one address)
     * @param port the port, 0 when omitted
     */
    public record AddressRange(InetAddress first, InetAddress last, int port) implements Entry {
        @Override
        public String toString() {
            return IpAddresses.format(first) + (first.equals(last) ? "" : "-" + IpAddresses.format(last)) + " " + port;
        }
    }

    /**
     * {@code fwmark N [inet|inet6]}.
     *
     * @param mark the firewall mark
     * @param family the family, needed only when every real server is tunnelled
     */
    public record Fwmark(long mark, Optional<IpFamily> family) implements Entry {
    }
}
