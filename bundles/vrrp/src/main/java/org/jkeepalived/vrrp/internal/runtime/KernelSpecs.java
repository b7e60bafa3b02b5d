package org.jkeepalived.vrrp.internal.runtime;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.IpRule;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.netlink.api.AddressFlag;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.api.RouteMetric;
import org.jkeepalived.netlink.api.RouteProtocol;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.api.RouteType;
import org.jkeepalived.netlink.api.Rule;
import org.jkeepalived.netlink.api.RuleAction;
import org.jkeepalived.netlink.api.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's form of the addresses, routes and rules of the configuration: virtual_ipaddress,
 * virtual_ipaddress_excluded, virtual_routes and virtual_rules of an instance, static_ipaddress,
 * static_routes and static_rules of the whole file.
 */
final class KernelSpecs {

    private static final Logger LOG = LoggerFactory.getLogger(KernelSpecs.class);
    /** ecn of {@code features}: RTAX_FEATURE_ECN. */
    private static final int FEATURE_ECN = 1;

    private KernelSpecs() {
    }

    /**
     * @param instance the instance
     * @param addressDevice the interface its addresses go on when they name none: its VMAC or its interface
     * @return what it sets as master: its addresses in configuration order, excluded ones last, its routes and rules
     * @throws IllegalArgumentException naming the instance and the entry, when an address has no
     *         interface or an entry could not go into the kernel as written
     */
    static NetworkEntries of(VrrpInstance instance, Optional<String> addressDevice) {
        String owner = "(" + instance.name() + ")";
        Addresses addresses = Addresses.of(Stream.concat(instance.virtualAddresses().stream(), instance.excludedAddresses().stream()),
                entry -> Optional.of(address(entry, addressDevice, owner + " virtual address")));
        return new NetworkEntries(addresses.all(),
                map(instance.virtualRoutes(), route -> route(route, owner + " virtual route")),
                map(instance.virtualRules(), rule -> rule(rule, owner + " virtual rule")), addresses.untracked());
    }

    /**
     * @param config the configuration
     * @return its static addresses, routes and rules; one that cannot go into the kernel is logged and left out
     */
    static NetworkEntries statics(KeepalivedConfig config) {
        Addresses addresses = Addresses.of(config.staticAddresses().stream(),
                entry -> unlessBad(entry, good -> address(good, Optional.empty(), "static address")));
        return new NetworkEntries(addresses.all(),
                leavingOutBad(config.staticRoutes(), route -> route(route, "static route")),
                leavingOutBad(config.staticRules(), rule -> rule(rule, "static rule")), addresses.untracked());
    }

    /**
     * @param entry an address
     * @param defaultDevice the interface it goes on when it names none
     * @param what what it is, for messages
     * @return the address
     */
    static AddressSpec address(IpAddressEntry entry, Optional<String> defaultDevice, String what) {
        String device = entry.device().or(() -> defaultDevice).orElseThrow(() -> new IllegalArgumentException(
                what + " " + entry + " has no interface: give it dev" + (defaultDevice.isEmpty() ? "" : ", or the instance an interface")));
        Set<AddressFlag> flags = EnumSet.noneOf(AddressFlag.class);
        for (IpAddressEntry.Flag flag : entry.flags()) {
            flags.add(switch (flag) {
                case HOME -> AddressFlag.HOMEADDRESS;
                case NODAD -> AddressFlag.NODAD;
                case MNGTMPADDR -> AddressFlag.MANAGETEMPADDR;
                case NOPREFIXROUTE -> AddressFlag.NOPREFIXROUTE;
                case AUTOJOIN -> AddressFlag.MCAUTOJOIN;
            });
        }
        if (entry.address().address() instanceof Inet6Address) {
            // RFC 5798 section 8.2: the routers sharing a virtual address must not detect it as a duplicate
            flags.add(AddressFlag.NODAD);
        }
        try {
            return new AddressSpec(device, entry.address().address(), entry.address().length(),
                    entry.peer().map(peer -> peer.address()).orElse(null), entry.broadcast().orElse(null),
                    entry.label().orElse(null), new Scope(entry.scope().value()), flags, entry.preferredLifetime());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " " + entry + ": " + e.getMessage(), e);
        }
    }

    /**
     * A route, with keepalived's protocol ({@link RouteProtocol#KEEPALIVED}) unless it names one, as
     * keepalived sets it.
     *
     * @param route a route
     * @param what what it is, for messages
     * @return the route
     */
    static RouteSpec route(IpRoute route, String what) {
        RouteSpec.Builder spec = RouteSpec.to(prefix(route.destination()))
                .type(RouteType.valueOf(route.type().name()))
                .table(route.table())
                .protocol(new RouteProtocol(route.protocol().orElse(RouteProtocol.KEEPALIVED.value())));
        route.source().map(KernelSpecs::prefix).ifPresent(spec::from);
        route.preferredSource().ifPresent(spec::preferredSource);
        route.via().ifPresent(spec::via);
        route.device().ifPresent(spec::device);
        route.metric().ifPresent(metric -> spec.metric(metric.intValue()));
        route.tos().ifPresent(spec::tos);
        route.scope().ifPresent(scope -> spec.scope(new Scope(scope.value())));
        if (route.onlink()) {
            spec.onlink();
        }
        if (route.append()) {
            spec.append();
        }
        // in a fixed order, so that one route always makes one spec
        for (org.jkeepalived.config.api.model.net.RouteMetric metric : org.jkeepalived.config.api.model.net.RouteMetric.values()) {
            Long value = route.metrics().get(metric);
            if (value != null) {
                spec.metric(new RouteMetric(RouteMetric.Kind.valueOf(metric.name()), kernelUnits(metric, value),
                        route.lockedMetrics().contains(metric)));
            }
        }
        if (route.ecn()) {
            spec.metric(new RouteMetric(RouteMetric.Kind.FEATURES, FEATURE_ECN, false));
        }
        route.nexthops().forEach(nexthop -> spec.nexthop(new RouteSpec.Nexthop(nexthop.via().orElse(null),
                nexthop.device().orElse(null), nexthop.weight(), nexthop.onlink())));
        warnUnsupported(what, route, "realms", route.realms());
        warnUnsupported(what, route, "congctl", route.congestionControl());
        warnUnsupported(what, route, "vrf", route.vrf());
        warnUnsupported(what, route, "pref", route.preference());
        try {
            return spec.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " " + route + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param rule a rule
     * @param what what it is, for messages
     * @return the rule
     */
    static Rule rule(IpRule rule, String what) {
        Rule.Builder spec = Rule.builder(rule.family() == org.jkeepalived.config.api.model.net.IpFamily.INET
                ? IpFamily.IPV4 : IpFamily.IPV6);
        rule.from().map(KernelSpecs::prefix).ifPresent(spec::from);
        rule.to().map(KernelSpecs::prefix).ifPresent(spec::to);
        if (rule.not()) {
            spec.invert();
        }
        rule.inputInterface().ifPresent(spec::iif);
        rule.outputInterface().ifPresent(spec::oif);
        rule.tos().ifPresent(spec::tos);
        rule.fwmark().ifPresent(mark -> rule.fwmask().ifPresentOrElse(mask -> spec.fwmark(mark.intValue(), mask.intValue()),
                () -> spec.fwmark(mark.intValue())));
        rule.preference().ifPresent(preference -> spec.priority(preference.intValue()));
        switch (rule.action()) {
            case TABLE -> rule.table().ifPresent(spec::table);
            case GOTO -> rule.gotoPreference().ifPresent(target -> spec.goTo(target.intValue()));
            case NOP -> spec.action(RuleAction.NOP);
            case BLACKHOLE -> spec.action(RuleAction.BLACKHOLE);
            case UNREACHABLE -> spec.action(RuleAction.UNREACHABLE);
            case PROHIBIT -> spec.action(RuleAction.PROHIBIT);
        }
        rule.realms().ifPresent(spec::realms);
        rule.suppressPrefixLength().ifPresent(spec::suppressPrefixLength);
        rule.suppressIfGroup().ifPresent(spec::suppressIfGroup);
        rule.uidRange().ifPresent(range -> spec.uidRange(new Rule.UidRange((int) range.first(), (int) range.last())));
        if (rule.l3mdev()) {
            spec.l3mdev();
        }
        rule.protocol().ifPresent(protocol -> spec.protocol(new RouteProtocol(protocol)));
        rule.ipProto().ifPresent(spec::ipProtocol);
        rule.sourcePorts().ifPresent(range -> spec.sourcePorts(ports(range)));
        rule.destinationPorts().ifPresent(range -> spec.destinationPorts(ports(range)));
        try {
            return spec.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " " + rule + ": " + e.getMessage(), e);
        }
    }

    private static void warnUnsupported(String what, IpRoute route, String option, Optional<?> value) {
        if (value.isPresent()) {
            LOG.warn("{} {}: {} is not supported; the route is set without it", what, route, option);
        }
    }

    /** The kernel keeps rtt in 1/8 ms and rttvar in 1/4 ms, as {@code ip route} converts them. */
    private static int kernelUnits(org.jkeepalived.config.api.model.net.RouteMetric metric, long value) {
        return (int) switch (metric) {
            case RTT -> value * 8;
            case RTTVAR -> value * 4;
            default -> value;
        };
    }

    private static Rule.PortRange ports(org.jkeepalived.config.api.model.net.PortRange range) {
        return new Rule.PortRange((int) range.first(), (int) range.last());
    }

    private static IpPrefix prefix(org.jkeepalived.config.api.model.net.IpPrefix prefix) {
        return new IpPrefix(prefix.address(), prefix.length());
    }

    private static <C, K> List<K> map(List<C> entries, Function<C, K> spec) {
        return entries.stream().map(spec).toList();
    }

    private static <C, K> List<K> leavingOutBad(List<C> entries, Function<C, K> spec) {
        return entries.stream().map(entry -> unlessBad(entry, spec)).flatMap(Optional::stream).toList();
    }

    /** The entry's spec; one that cannot go into the kernel is logged and made nothing of. */
    private static <C, K> Optional<K> unlessBad(C entry, Function<C, K> spec) {
        try {
            return Optional.of(spec.apply(entry));
        } catch (IllegalArgumentException e) {
            LOG.error("{}; it is not set", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Addresses made of entries, with those of the entries marked no_track.
     *
     * @param all the addresses, in the entries' order
     * @param untracked those of them marked no_track
     */
    private record Addresses(List<AddressSpec> all, Set<AddressSpec> untracked) {

        static Addresses of(Stream<IpAddressEntry> entries, Function<IpAddressEntry, Optional<AddressSpec>> spec) {
            List<AddressSpec> all = new ArrayList<>();
            Set<AddressSpec> untracked = new HashSet<>();
            entries.forEach(entry -> spec.apply(entry).ifPresent(address -> {
                all.add(address);
                if (entry.noTrack()) {
                    untracked.add(address);
                }
            }));
            return new Addresses(all, untracked);
        }
    }
}
