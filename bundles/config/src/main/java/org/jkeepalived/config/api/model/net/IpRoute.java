package org.jkeepalived.config.api.model.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route of virtual_routes or static_routes, in {@code ip route add} syntax.
 *
 * @param type the type (default unicast); blackhole and the other drop types have no gateway
 * @param destination the destination, {@code default} being 0.0.0.0/0 or ::/0
 * @param source from: the source prefix (IPv6 source routing)
 * @param preferredSource src: the source address the route prefers
 * @param via via (or its old spelling gw): the gateway of a single path route
 * @param device dev (or oif)
 * @param table table: the table number, names already looked up (default main, 254)
 * @param metric metric (or priority, preference)
 * @param tos tos (or dsfield)
 * @param protocol protocol, names already looked up
 * @param scope scope
 * @param realms realms, as the kernel packs them: {@code (from << 16) | to}
 * @param metrics mtu, advmss and the other numeric attributes that are set
 * @param lockedMetrics the attributes given with {@code lock}
 * @param congestionControl congctl
 * @param ecn features ecn
 * @param onlink onlink
 * @param nexthops the paths of a multipath route ({@code nexthop ...}, or the old {@code or IP})
 * @param append append: add after matching routes instead of before
 * @param noTrack no_track: the instance does not leave MASTER if the route is removed
 * @param vrf vrf: the VRF whose table to use
 * @param preference pref: the IPv6 router preference (low, medium, high)
 */
public record IpRoute(
        RouteType type,
        IpPrefix destination,
        Optional<IpPrefix> source,
        Optional<InetAddress> preferredSource,
        Optional<InetAddress> via,
        Optional<String> device,
        int table,
        Optional<Long> metric,
        Optional<Integer> tos,
        Optional<Integer> protocol,
        Optional<AddressScope> scope,
        Optional<Integer> realms,
        Map<RouteMetric, Long> metrics,
        Set<RouteMetric> lockedMetrics,
        Optional<String> congestionControl,
        boolean ecn,
        boolean onlink,
        List<Nexthop> nexthops,
        boolean append,
        boolean noTrack,
        Optional<String> vrf,
        Optional<String> preference) {

    /** The table routes go to unless a table is given. */
    public static final int MAIN_TABLE = 254;

    public IpRoute {
        metrics = Map.copyOf(metrics);
        lockedMetrics = Set.copyOf(lockedMetrics);
        nexthops = List.copyOf(nexthops);
    }

    /** @return the family of the destination */
    public IpFamily family() {
        return destination.family();
    }

    @Override
    public String toString() {
        return (type == RouteType.UNICAST ? "" : type.name().toLowerCase(java.util.Locale.ROOT) + " ") + destination
                + via.map(v -> " via " + IpAddresses.format(v)).orElse("") + device.map(d -> " dev " + d).orElse("")
                + (table == MAIN_TABLE ? "" : " table " + table);
    }
}
