package org.jkeepalived.vrrp.internal.runtime;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * @param untracked those of the addresses marked no_track: if someone deletes one, it is let be
 */
record NetworkEntries(List<AddressSpec> addresses, List<RouteSpec> routes, List<Rule> rules, Set<AddressSpec> untracked) {

    /** Nothing. */
    static final NetworkEntries NONE = new NetworkEntries(List.of(), List.of(), List.of());

    NetworkEntries {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        untracked = Set.copyOf(untracked);
    }

    /** Entries whose every address is tracked. */
    NetworkEntries(List<AddressSpec> addresses, List<RouteSpec> routes, List<Rule> rules) {
        this(addresses, routes, rules, Set.of());
    }

    /**
     * @param device an interface
     * @param address an address deleted from it
     * @return the one of the addresses it is, unless that is marked no_track
     */
    Optional<AddressSpec> tracked(String device, InetAddress address) {
        return addresses.stream().filter(entry -> entry.device().equals(device) && entry.address().equals(address)
                && !untracked.contains(entry)).findFirst();
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
                rules.stream().filter(rule -> !kept.rules.contains(rule)).toList(),
                untracked);
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
