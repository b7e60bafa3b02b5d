package org.jkeepalived.config.api.model.net;

/** The type of a route, as {@code ip route} names it. */
public enum RouteType {
    /** A route to a destination (the default). */
    UNICAST,
    /** A local address. */
    LOCAL,
    /** A broadcast address. */
    BROADCAST,
    /** An anycast address. */
    ANYCAST,
    /** A multicast route. */
    MULTICAST,
    /** Packets are dropped silently. */
    BLACKHOLE,
    /** Packets are dropped with ICMP unreachable. */
    UNREACHABLE,
    /** Packets are dropped with ICMP prohibited. */
    PROHIBIT,
    /** The lookup goes on in the next rule's table. */
    THROW
}
