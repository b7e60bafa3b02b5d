package org.jkeepalived.netlink.api;

/** A route's type ({@code RTN_}, rtnetlink(7)), in kernel order. */
public enum RouteType {
    UNSPEC,
    /** A gateway or a direct route. */
    UNICAST,
    /** A local address. */
    LOCAL,
    /** A local broadcast address. */
    BROADCAST,
    /** A local address answering as anycast. */
    ANYCAST,
    /** A multicast route. */
    MULTICAST,
    /** Drops silently. */
    BLACKHOLE,
    /** Drops with ICMP host unreachable. */
    UNREACHABLE,
    /** Drops with ICMP communication administratively prohibited. */
    PROHIBIT,
    /** Continues the lookup in the next table. */
    THROW,
    /** Network address translation (no longer supported by the kernel). */
    NAT,
    /** An external resolver (not implemented by the kernel). */
    XRESOLVE;

    /** @return the {@code RTN_} value */
    public int value() {
        return ordinal();
    }

    /**
     * @param value an {@code RTN_} value
     * @return the type, or {@code null} if unknown
     */
    public static RouteType of(int value) {
        RouteType[] types = values();
        return value >= 0 && value < types.length ? types[value] : null;
    }
}
