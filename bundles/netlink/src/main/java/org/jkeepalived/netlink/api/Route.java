package org.jkeepalived.netlink.api;

import java.net.InetAddress;
import java.util.List;

/**
 * A route as the kernel reports it ({@code struct rtmsg} and its {@code RTA_} attributes).
 *
 * @param family the family
 * @param table the routing table ({@link #TABLE_MAIN}, {@link #TABLE_LOCAL}, or a number)
 * @param destination the destination prefix; {@code 0.0.0.0/0} or {@code ::/0} for a default route
 * @param source the source prefix of an IPv6 source-specific route, or {@code null}
 * @param preferredSource the source address preferred for traffic on this route ({@code src}), or {@code null}
 * @param gateway the gateway ({@code via}), or {@code null}
 * @param outputInterface the index of the outgoing interface, or 0
 * @param metric the route's priority ({@code metric}); lower wins
 * @param scope its scope
 * @param protocol who installed it
 * @param type its type
 * @param tos the type of service it matches
 * @param flags the {@code RTNH_F_} and {@code RTM_F_} flags
 * @param metrics its metrics such as {@code mtu}
 * @param nexthops the nexthops of a multipath route, else empty
 */
public record Route(IpFamily family, int table, IpPrefix destination, IpPrefix source, InetAddress preferredSource,
        InetAddress gateway, int outputInterface, int metric, Scope scope, RouteProtocol protocol, RouteType type,
        int tos, int flags, List<RouteMetric> metrics, List<Nexthop> nexthops) {

    /** {@code RT_TABLE_DEFAULT}. */
    public static final int TABLE_DEFAULT = 253;
    /** {@code RT_TABLE_MAIN}, the table of routes added without one. */
    public static final int TABLE_MAIN = 254;
    /** {@code RT_TABLE_LOCAL}, the kernel's table of local and broadcast addresses. */
    public static final int TABLE_LOCAL = 255;
    /** {@code RTNH_F_ONLINK}: the gateway is taken to be on the link even if no prefix says so. */
    public static final int RTNH_F_ONLINK = 4;

    /**
     * One path of a multipath route ({@code struct rtnexthop}).
     *
     * @param gateway its gateway, or {@code null}
     * @param interfaceIndex its outgoing interface, or 0
     * @param weight its weight, 1 to 256
     * @param flags its {@code RTNH_F_} flags
     */
    public record Nexthop(InetAddress gateway, int interfaceIndex, int weight, int flags) {
    }

    /** Copies the lists. */
    public Route {
        metrics = List.copyOf(metrics);
        nexthops = List.copyOf(nexthops);
    }

    /** @return whether the gateway was declared on-link */
    public boolean isOnlink() {
        return (flags & RTNH_F_ONLINK) != 0;
    }
}
