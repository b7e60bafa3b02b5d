package org.jkeepalived.config.internal.bind;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.net.AddressScope;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.Nexthop;
import org.jkeepalived.config.api.model.net.RouteMetric;
import org.jkeepalived.config.api.model.net.RouteType;

/**
 * A line of virtual_routes or static_routes, in the syntax of {@code ip route add} (full option
 * names only, as keepalived.conf(5) says), with keepalived's extensions: {@code no_track},
 * {@code append}, and the old {@code gw} and {@code or}.
 */
final class RouteParser {

    static final String USAGE = "[TYPE] [src IP] [to] PREFIX|default [via IP] [dev IF] [table TABLE] [metric N] ... "
            + "as 'ip route add' takes it";

    private static final Map<String, RouteType> TYPES = Map.of("unicast", RouteType.UNICAST, "local", RouteType.LOCAL,
            "broadcast", RouteType.BROADCAST, "anycast", RouteType.ANYCAST, "multicast", RouteType.MULTICAST,
            "blackhole", RouteType.BLACKHOLE, "unreachable", RouteType.UNREACHABLE, "prohibit", RouteType.PROHIBIT,
            "throw", RouteType.THROW);

    private static final Map<String, RouteMetric> METRICS = Map.ofEntries(Map.entry("mtu", RouteMetric.MTU),
            Map.entry("advmss", RouteMetric.ADVMSS), Map.entry("rtt", RouteMetric.RTT),
            Map.entry("rttvar", RouteMetric.RTTVAR), Map.entry("reordering", RouteMetric.REORDERING),
            Map.entry("window", RouteMetric.WINDOW), Map.entry("cwnd", RouteMetric.CWND),
            Map.entry("ssthresh", RouteMetric.SSTHRESH), Map.entry("initcwnd", RouteMetric.INITCWND),
            Map.entry("initrwnd", RouteMetric.INITRWND), Map.entry("rto_min", RouteMetric.RTO_MIN),
            Map.entry("hoplimit", RouteMetric.HOPLIMIT), Map.entry("quickack", RouteMetric.QUICKACK),
            Map.entry("fastopen_no_cookie", RouteMetric.FASTOPEN_NO_COOKIE));

    /** The route being read; one instance per line. */
    private static final class Draft {
        final Args args;
        final boolean isStatic;
        boolean valid = true;
        RouteType type = RouteType.UNICAST;
        IpPrefix destination;
        IpPrefix source;
        InetAddress preferredSource;
        InetAddress via;
        String device;
        int table = IpRoute.MAIN_TABLE;
        Long metric;
        Integer tos;
        Integer protocol;
        AddressScope scope;
        Integer realms;
        final Map<RouteMetric, Long> metrics = new EnumMap<>(RouteMetric.class);
        final Set<RouteMetric> locked = EnumSet.noneOf(RouteMetric.class);
        String congestionControl;
        boolean ecn;
        boolean onlink;
        final List<Nexthop> nexthops = new ArrayList<>();
        final List<InetAddress> alternatives = new ArrayList<>();
        boolean append;
        boolean noTrack;
        String vrf;
        String preference;
        boolean inet6;

        Draft(Args args, boolean isStatic) {
            this.args = args;
            this.isStatic = isStatic;
        }
    }

    private RouteParser() {
    }

    static Optional<IpRoute> parse(ConfigEntry entry, String list, boolean isStatic, BindContext context) {
        Draft route = new Draft(Args.line(entry, list, USAGE, context), isStatic);
        Args args = route.args;
        int i = 0;
        while (i < args.size() && route.valid) {
            i = option(route, i, context);
        }
        if (!route.valid) {
            return Optional.empty();
        }
        if (route.destination == null) {
            args.error(0, "no destination; expected " + USAGE);
            return Optional.empty();
        }
        return build(route);
    }

    /** Reads the option at {@code i}; returns the index of the next one. */
    private static int option(Draft route, int i, BindContext context) {
        Args args = route.args;
        String word = args.word(i);
        if (TYPES.containsKey(word) && route.destination == null) {
            route.type = TYPES.get(word);
            return i + 1;
        }
        switch (word) {
            case "onlink":
                route.onlink = true;
                return i + 1;
            case "append":
                route.append = true;
                return i + 1;
            case "no_track":
                route.noTrack = true;
                return i + 1;
            case "inet6":
                route.inet6 = true;
                return i + 1;
            case "nexthop":
                return nexthop(route, i + 1);
            case "encap":
            case "track_group":
            case "expires":
            case "ttl-propagate":
            case "nhid":
                args.error(i, "'" + word + "' is not supported yet");
                route.valid = false;
                return i + 1;
            default:
                break;
        }
        if (!valueOption(word)) {
            if (route.destination == null) {
                route.destination = destination(route, i);
                return i + 1;
            }
            args.error(i, "unknown option '" + word + "'; expected " + USAGE);
            route.valid = false;
            return i + 1;
        }
        if (!args.require(i + 2)) {
            route.valid = false;
            return args.size();
        }
        int value = i + 1;
        switch (word) {
            case "to" -> {
                if (TYPES.containsKey(args.word(value)) && args.has(value + 1)) {
                    route.type = TYPES.get(args.word(value));
                    value++;
                }
                route.destination = destination(route, value);
            }
            case "src" -> route.preferredSource = address(route, value);
            case "from" -> route.source = prefix(route, value);
            case "via", "gw" -> {
                if (word.equals("gw")) {
                    args.warning(i, "'gw' is deprecated; use 'via'");
                }
                if ((args.word(value).equals("inet") || args.word(value).equals("inet6")) && args.has(value + 1)) {
                    value++;
                }
                route.via = address(route, value);
            }
            case "or" -> {
                args.warning(i, "'or' is deprecated; use 'nexthop via IP nexthop via IP'");
                InetAddress alternative = address(route, value);
                if (alternative != null) {
                    route.alternatives.add(alternative);
                }
            }
            case "dev", "oif" -> route.device = args.word(value);
            case "table" -> route.table = (int) (long) name(route, value, context.iprouteNames().table(args.word(value)),
                    "a table number or a name from rt_tables", 0xFFFF_FFFFL);
            case "metric", "priority", "preference" -> route.metric = number(route, value, 0xFFFF_FFFFL);
            case "tos", "dsfield" -> {
                Long tos = number(route, value, 255);
                route.tos = tos == null ? null : tos.intValue();
            }
            case "protocol", "proto" -> route.protocol = (int) (long) name(route, value,
                    context.iprouteNames().protocol(args.word(value)), "a protocol number or a name from rt_protos", 255);
            case "scope" -> route.scope = Scopes.read(args, value).orElseGet(() -> invalid(route));
            case "realms" -> {
                route.realms = context.iprouteNames().realms(args.word(value)).orElse(null);
                if (route.realms == null) {
                    args.invalid(value, IprouteNames.REALMS_FORM);
                    route.valid = false;
                }
            }
            case "congctl" -> {
                if (args.word(value).equals("lock") && args.has(value + 1)) {
                    value++;
                }
                route.congestionControl = args.word(value);
            }
            case "features" -> {
                if (args.word(value).equals("ecn")) {
                    route.ecn = true;
                } else {
                    args.invalid(value, "ecn");
                    route.valid = false;
                }
            }
            case "vrf" -> route.vrf = args.word(value);
            case "pref" -> route.preference = args.choice(value, Map.of("low", "low", "medium", "medium", "high", "high"))
                    .orElseGet(() -> invalid(route));
            default -> {
                RouteMetric metric = METRICS.get(word);
                if (args.word(value).equals("lock") && args.has(value + 1)) {
                    route.locked.add(metric);
                    value++;
                }
                Long number = number(route, value, 0xFFFF_FFFFL);
                if (number != null) {
                    route.metrics.put(metric, number);
                }
            }
        }
        return value + 1;
    }

    private static boolean valueOption(String word) {
        return METRICS.containsKey(word) || switch (word) {
            case "to", "src", "from", "via", "gw", "or", "dev", "oif", "table", "metric", "priority", "preference", "tos",
                    "dsfield", "protocol", "proto", "scope", "realms", "congctl", "features", "vrf", "pref" -> true;
            default -> false;
        };
    }

    /** {@code nexthop [via IP] [dev IF] [weight N] [onlink]}, up to the next nexthop or the end. */
    private static int nexthop(Draft route, int start) {
        Args args = route.args;
        InetAddress via = null;
        String device = null;
        int weight = 1;
        boolean onlink = false;
        int i = start;
        while (i < args.size() && !args.word(i).equals("nexthop") && route.valid) {
            String word = args.word(i);
            if (word.equals("onlink")) {
                onlink = true;
                i++;
                continue;
            }
            if (!word.equals("via") && !word.equals("dev") && !word.equals("weight")) {
                break;
            }
            if (!args.require(i + 2)) {
                route.valid = false;
                return args.size();
            }
            switch (word) {
                case "via" -> via = address(route, i + 1);
                case "dev" -> device = args.word(i + 1);
                default -> {
                    Long given = number(route, i + 1, 256);
                    weight = given == null || given < 1 ? 1 : given.intValue();
                    if (given != null && given < 1) {
                        args.invalid(i + 1, "an integer from 1 to 256");
                        route.valid = false;
                    }
                }
            }
            i += 2;
        }
        route.nexthops.add(new Nexthop(Optional.ofNullable(via), Optional.ofNullable(device), weight, onlink));
        return i;
    }

    private static Optional<IpRoute> build(Draft route) {
        IpFamily family = route.destination.family();
        Args args = route.args;
        if (route.inet6 && family != IpFamily.INET6) {
            args.error(0, "inet6 given for an IPv4 destination");
            return Optional.empty();
        }
        for (InetAddress address : addresses(route)) {
            if (IpFamily.of(address) != family) {
                args.error(0, IpAddresses.format(address) + " is not of the family of the destination " + route.destination);
                return Optional.empty();
            }
        }
        List<Nexthop> nexthops = new ArrayList<>(route.nexthops);
        InetAddress via = route.via;
        if (!route.alternatives.isEmpty()) {
            // "via A or B" is a multipath route through A and B, as keepalived makes it.
            nexthops.add(new Nexthop(Optional.ofNullable(via), Optional.ofNullable(route.device), 1, false));
            route.alternatives.forEach(alternative -> nexthops.add(new Nexthop(Optional.of(alternative), Optional.empty(), 1, false)));
            via = null;
        }
        if (via != null && route.type != RouteType.UNICAST) {
            args.error(0, route.type.name().toLowerCase(Locale.ROOT) + " routes have no gateway");
            return Optional.empty();
        }
        return Optional.of(new IpRoute(route.type, route.destination, Optional.ofNullable(route.source),
                Optional.ofNullable(route.preferredSource), Optional.ofNullable(via), Optional.ofNullable(route.device),
                route.table, Optional.ofNullable(route.metric), Optional.ofNullable(route.tos),
                Optional.ofNullable(route.protocol), Optional.ofNullable(route.scope), Optional.ofNullable(route.realms),
                route.metrics, route.locked, Optional.ofNullable(route.congestionControl), route.ecn, route.onlink, nexthops,
                route.append, route.noTrack, Optional.ofNullable(route.vrf), Optional.ofNullable(route.preference)));
    }

    /** The addresses that must share the destination's family. */
    private static List<InetAddress> addresses(Draft route) {
        List<InetAddress> addresses = new ArrayList<>();
        if (route.preferredSource != null) {
            addresses.add(route.preferredSource);
        }
        if (route.via != null) {
            addresses.add(route.via);
        }
        addresses.addAll(route.alternatives);
        return addresses;
    }

    private static IpPrefix destination(Draft route, int index) {
        if (route.args.word(index).equals("default")) {
            return new IpPrefix(IpLiterals.parse(route.inet6 ? "::" : "0.0.0.0").orElseThrow(), 0);
        }
        return prefix(route, index);
    }

    private static IpPrefix prefix(Draft route, int index) {
        return route.args.prefix(index).orElseGet(() -> invalid(route));
    }

    private static InetAddress address(Draft route, int index) {
        return route.args.address(index).orElseGet(() -> invalid(route));
    }

    private static Long number(Draft route, int index, long max) {
        return route.args.number(index, 0, max).orElseGet(() -> invalid(route));
    }

    private static Long name(Draft route, int index, Optional<Long> number, String expected, long max) {
        if (number.isEmpty() || number.get() < 0 || number.get() > max) {
            route.args.invalid(index, expected);
            route.valid = false;
            return 0L;
        }
        return number.get();
    }

    /** Marks the route invalid; the value it returns is never used. */
    private static <T> T invalid(Draft route) {
        route.valid = false;
        return null;
    }
}
