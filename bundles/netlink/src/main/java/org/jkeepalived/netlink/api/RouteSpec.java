package org.jkeepalived.netlink.api;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A route to add or delete, as a {@code virtual_routes} line describes it: {@code [src <IPADDR>] [to]
 * <PREFIX> [from <PREFIX>] [via|gw <IPADDR>] [dev <STRING>] [onlink] [table <TABLE>] [metric <N>]
 * [scope <SCOPE>] [protocol <PROTO>] [tos <TOS>] [mtu [lock] <N>] ... [nexthop ...] [append]}, or with a
 * type first: {@code blackhole|unreachable|prohibit|throw <PREFIX>}. Build one with {@link #to(IpPrefix)}.
 *
 * @param destination the destination prefix
 * @param source the source prefix of an IPv6 source-specific route ({@code from}), or {@code null}
 * @param preferredSource the preferred source address ({@code src}), or {@code null}
 * @param gateway the gateway ({@code via}), or {@code null}
 * @param device the outgoing interface's name ({@code dev}), or {@code null}
 * @param table the routing table
 * @param metric the route's priority ({@code metric}), or {@code null} for the kernel's default
 * @param scope the scope, or {@code null} for what {@code ip route} would choose
 * @param protocol who installs it, or {@code null} for {@link RouteProtocol#BOOT} as {@code ip route} does
 * @param type the type
 * @param tos the type of service to match, 0 for any
 * @param onlink whether the gateway is on the link even if no prefix says so
 * @param metrics metrics such as {@code mtu}
 * @param nexthops the paths of a multipath route ({@code nexthop ...} or {@code via A or B}); when
 *     given, {@code gateway} and {@code device} are not
 * @param append whether to add it after matching routes ({@code ip route append}) rather than fail
 *     when a matching route exists
 */
public record RouteSpec(IpPrefix destination, IpPrefix source, InetAddress preferredSource, InetAddress gateway,
        String device, int table, Integer metric, Scope scope, RouteProtocol protocol, RouteType type, int tos,
        boolean onlink, List<RouteMetric> metrics, List<Nexthop> nexthops, boolean append) {

    /**
     * One path of a multipath route.
     *
     * @param gateway its gateway, or {@code null}
     * @param device its outgoing interface, or {@code null}
     * @param weight its weight, 1 to 256
     * @param onlink whether the gateway is on the link even if no prefix says so
     */
    public record Nexthop(InetAddress gateway, String device, int weight, boolean onlink) {

        /** Checks the weight and that the path goes somewhere. */
        public Nexthop {
            if (weight < 1 || weight > 256) {
                throw new IllegalArgumentException("nexthop weight must be 1 to 256, not " + weight);
            }
            if (gateway == null && device == null) {
                throw new IllegalArgumentException("a nexthop needs a gateway or a device");
            }
        }

        @Override
        public String toString() {
            return "nexthop" + (gateway == null ? "" : " via " + gateway.getHostAddress())
                    + (device == null ? "" : " dev " + device) + (onlink ? " onlink" : "") + " weight " + weight;
        }
    }

    /** Checks the parts against each other. */
    public RouteSpec {
        if (destination == null || type == null) {
            throw new IllegalArgumentException("a route needs a destination and a type");
        }
        IpFamily family = destination.family();
        for (InetAddress address : new InetAddress[] {preferredSource, gateway}) {
            if (address != null && IpFamily.of(address) != family) {
                throw new IllegalArgumentException("route to " + destination + ": " + address.getHostAddress()
                        + " is of another family");
            }
        }
        if (source != null && source.family() != family) {
            throw new IllegalArgumentException("route to " + destination + ": source " + source + " is of another family");
        }
        metrics = List.copyOf(metrics);
        nexthops = List.copyOf(nexthops);
        for (Nexthop nexthop : nexthops) {
            if (nexthop.gateway() != null && IpFamily.of(nexthop.gateway()) != family) {
                throw new IllegalArgumentException("route to " + destination + ": nexthop " + nexthop + " is of another family");
            }
        }
        if (!nexthops.isEmpty() && (gateway != null || device != null)) {
            throw new IllegalArgumentException("route to " + destination + ": give either nexthops or via/dev");
        }
        if (table == 0) {
            throw new IllegalArgumentException("route to " + destination + ": table must not be 0");
        }
    }

    /**
     * @param destination the destination prefix
     * @return a builder of a unicast route in the main table
     */
    public static Builder to(IpPrefix destination) {
        return new Builder(destination);
    }

    /** @return the family */
    public IpFamily family() {
        return destination.family();
    }

    /** @return the route as {@code ip route add} takes it, for example {@code 10.0.0.0/8 via 192.0.2.1 dev eth0 table 100} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (type != RouteType.UNICAST) {
            text.append(type.name().toLowerCase(Locale.ROOT)).append(' ');
        }
        text.append(destination);
        if (source != null) {
            text.append(" from ").append(source);
        }
        if (preferredSource != null) {
            text.append(" src ").append(preferredSource.getHostAddress());
        }
        if (gateway != null) {
            text.append(" via ").append(gateway.getHostAddress());
        }
        if (device != null) {
            text.append(" dev ").append(device);
        }
        if (onlink) {
            text.append(" onlink");
        }
        if (table != Route.TABLE_MAIN) {
            text.append(" table ").append(Integer.toUnsignedString(table));
        }
        if (metric != null) {
            text.append(" metric ").append(Integer.toUnsignedString(metric));
        }
        if (scope != null) {
            text.append(" scope ").append(scope);
        }
        if (protocol != null) {
            text.append(" proto ").append(protocol);
        }
        if (tos != 0) {
            text.append(" tos ").append(tos);
        }
        metrics.forEach(m -> text.append(' ').append(m));
        nexthops.forEach(n -> text.append(' ').append(n));
        return text.toString();
    }

    /** Builds a {@link RouteSpec}; what is not set takes the kernel's or {@code ip route}'s default. */
    public static final class Builder {

        private final IpPrefix destination;
        private IpPrefix source;
        private InetAddress preferredSource;
        private InetAddress gateway;
        private String device;
        private int table = Route.TABLE_MAIN;
        private Integer metric;
        private Scope scope;
        private RouteProtocol protocol;
        private RouteType type = RouteType.UNICAST;
        private int tos;
        private boolean onlink;
        private final List<RouteMetric> metrics = new ArrayList<>();
        private final List<Nexthop> nexthops = new ArrayList<>();
        private boolean append;

        private Builder(IpPrefix destination) {
            this.destination = destination;
        }

        /** @param prefix the IPv6 source prefix ({@code from})
         *  @return this builder */
        public Builder from(IpPrefix prefix) {
            this.source = prefix;
            return this;
        }

        /** @param address the preferred source address ({@code src})
         *  @return this builder */
        public Builder preferredSource(InetAddress address) {
            this.preferredSource = address;
            return this;
        }

        /** @param address the gateway ({@code via})
         *  @return this builder */
        public Builder via(InetAddress address) {
            this.gateway = address;
            return this;
        }

        /** @param name the outgoing interface ({@code dev})
         *  @return this builder */
        public Builder device(String name) {
            this.device = name;
            return this;
        }

        /** @param id the routing table
         *  @return this builder */
        public Builder table(int id) {
            this.table = id;
            return this;
        }

        /** @param value the priority ({@code metric})
         *  @return this builder */
        public Builder metric(int value) {
            this.metric = value;
            return this;
        }

        /** @param value the scope
         *  @return this builder */
        public Builder scope(Scope value) {
            this.scope = value;
            return this;
        }

        /** @param value who installs the route
         *  @return this builder */
        public Builder protocol(RouteProtocol value) {
            this.protocol = value;
            return this;
        }

        /** @param value the type, such as {@link RouteType#BLACKHOLE}
         *  @return this builder */
        public Builder type(RouteType value) {
            this.type = value;
            return this;
        }

        /** @param value the type of service to match
         *  @return this builder */
        public Builder tos(int value) {
            this.tos = value;
            return this;
        }

        /** @return this builder, with the gateway declared on-link */
        public Builder onlink() {
            this.onlink = true;
            return this;
        }

        /** @param value a metric such as {@code mtu}
         *  @return this builder */
        public Builder metric(RouteMetric value) {
            this.metrics.add(value);
            return this;
        }

        /** @param value one path of a multipath route
         *  @return this builder */
        public Builder nexthop(Nexthop value) {
            this.nexthops.add(value);
            return this;
        }

        /** @return this builder, adding after matching routes */
        public Builder append() {
            this.append = true;
            return this;
        }

        /** @return the route */
        public RouteSpec build() {
            return new RouteSpec(destination, source, preferredSource, gateway, device, table, metric, scope, protocol,
                    type, tos, onlink, metrics, nexthops, append);
        }
    }
}
