package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.api.Rule;

/**
 * Addresses, routes and rules that go into the kernel together: an instance's virtual ones, set
 * while it is master, or the configuration's static ones.
 *
 * @param addresses the addresses, in configuration order
 * @param routes the routes
 * @param rules the rules
 */
record NetworkEntries(List<AddressSpec> addresses, List<RouteSpec> routes, List<Rule> rules) {

    /** Nothing. */
    static final NetworkEntries NONE = new NetworkEntries(List.of(), List.of(), List.of());

    NetworkEntries {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }

    /** @return whether there is nothing */
    boolean isEmpty() {
        return addresses.isEmpty() && routes.isEmpty() && rules.isEmpty();
    }

    /**
     * @param kept entries that stay
     * @return the entries of this one that {@code kept} does not have
     */
    NetworkEntries without(NetworkEntries kept) {
        return new NetworkEntries(
                addresses.stream().filter(address -> !kept.addresses.contains(address)).toList(),
                routes.stream().filter(route -> !kept.routes.contains(route)).toList(),
                rules.stream().filter(rule -> !kept.rules.contains(rule)).toList());
    }

    /** @return the entries as {@code ip} shows them, for the log */
    @Override
    public String toString() {
        return Stream.of(
                        addresses.stream().map(NetworkEntries::describe),
                        routes.stream().map(route -> "route " + route),
                        rules.stream().map(rule -> "rule " + rule))
                .flatMap(entries -> entries)
                .collect(Collectors.joining(", "));
    }

    /** @return the address as {@code ip address} shows it */
    static String describe(AddressSpec address) {
        return address.address().getHostAddress() + "/" + address.prefixLength() + " dev " + address.device();
    }
}
