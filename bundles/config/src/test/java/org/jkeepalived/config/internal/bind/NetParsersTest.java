package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;
import static org.jkeepalived.config.api.Configs.valid;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.net.AddressScope;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;
import org.jkeepalived.config.api.model.net.IpRoute;
import org.jkeepalived.config.api.model.net.IpRule;
import org.jkeepalived.config.api.model.net.Nexthop;
import org.jkeepalived.config.api.model.net.PortRange;
import org.jkeepalived.config.api.model.net.RouteMetric;
import org.jkeepalived.config.api.model.net.RouteType;
import org.jkeepalived.config.api.model.net.RuleAction;
import org.junit.jupiter.api.Test;

/** static_ipaddress, static_routes and static_rules: the syntax of ip address, ip route and ip rule. */
class NetParsersTest {

    private static InetAddress ip(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    private static IpPrefix prefix(String text) {
        return IpLiterals.prefix(text).orElseThrow();
    }

    @Test
    void routesTakeTheOptionsOfIpRouteAdd() {
        List<IpRoute> routes = valid("""
                static_routes {
                    src 192.168.100.1 192.168.209.0/24 via 192.168.200.254 dev eth0
                    192.168.212.0/24 dev eth3 scope site
                    blackhole 192.168.114.0/24
                    default via 192.168.0.1 table main metric 10
                    192.168.100.0/24 table 6909 nexthop via 192.168.101.1 dev wlan0 onlink weight 1 nexthop via 192.168.101.2 dev wlan0 weight 2
                    192.168.200.0/24 dev p33p1.2 table 6909 tos 0x04 protocol bird scope link priority 12 mtu lock 1000 hoplimit 100 advmss 101 realms 3/20 rto_min 108 features ecn congctl cubic append no_track
                    2001:470:69e9:1:2::4 dev p33p1.2 pref high fastopen_no_cookie 1 onlink
                }
                """).staticRoutes();

        assertThat(routes.get(0).preferredSource()).contains(ip("192.168.100.1"));
        assertThat(routes.get(0).destination()).isEqualTo(prefix("192.168.209.0/24"));
        assertThat(routes.get(0).via()).contains(ip("192.168.200.254"));
        assertThat(routes.get(0).device()).contains("eth0");
        assertThat(routes.get(0).table()).isEqualTo(IpRoute.MAIN_TABLE);
        assertThat(routes.get(1).scope()).contains(AddressScope.SITE);
        assertThat(routes.get(2).type()).isEqualTo(RouteType.BLACKHOLE);
        assertThat(routes.get(3).destination()).isEqualTo(prefix("0.0.0.0/0"));
        assertThat(routes.get(3).metric()).contains(10L);
        assertThat(routes.get(4).table()).isEqualTo(6909);
        assertThat(routes.get(4).nexthops()).containsExactly(
                new Nexthop(Optional.of(ip("192.168.101.1")), Optional.of("wlan0"), 1, true),
                new Nexthop(Optional.of(ip("192.168.101.2")), Optional.of("wlan0"), 2, false));
        IpRoute detailed = routes.get(5);
        assertThat(detailed.tos()).contains(4);
        assertThat(detailed.protocol()).contains(12);
        assertThat(detailed.scope()).contains(AddressScope.LINK);
        assertThat(detailed.metric()).contains(12L);
        assertThat(detailed.metrics()).isEqualTo(Map.of(RouteMetric.MTU, 1000L, RouteMetric.HOPLIMIT, 100L,
                RouteMetric.ADVMSS, 101L, RouteMetric.RTO_MIN, 108L));
        assertThat(detailed.lockedMetrics()).containsExactly(RouteMetric.MTU);
        assertThat(detailed.realms()).contains((3 << 16) | 20);
        assertThat(detailed.ecn()).isTrue();
        assertThat(detailed.congestionControl()).contains("cubic");
        assertThat(detailed.append()).isTrue();
        assertThat(detailed.noTrack()).isTrue();
        assertThat(routes.get(6).family()).isEqualTo(IpFamily.INET6);
        assertThat(routes.get(6).preference()).contains("high");
        assertThat(routes.get(6).metrics()).isEqualTo(Map.of(RouteMetric.FASTOPEN_NO_COOKIE, 1L));
        assertThat(routes.get(6).onlink()).isTrue();
    }

    @Test
    void theOldGwAndOrStillWorkAndNameTheirReplacements() {
        ConfigResult result = read("""
                static_routes {
                    0.0.0.0/0 gw 192.168.0.1 table 100
                    192.168.113.0/24 via 192.168.100.252 or 192.168.100.253
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:15: warning: static_routes: 'gw' is deprecated; use 'via'",
                "keepalived.conf:3:42: warning: static_routes: 'or' is deprecated; use 'nexthop via IP nexthop via IP'");
        List<IpRoute> routes = result.config().orElseThrow().staticRoutes();
        assertThat(routes.get(0).via()).contains(ip("192.168.0.1"));
        assertThat(routes.get(1).via()).isEmpty();
        assertThat(routes.get(1).nexthops()).containsExactly(
                new Nexthop(Optional.of(ip("192.168.100.252")), Optional.empty(), 1, false),
                new Nexthop(Optional.of(ip("192.168.100.253")), Optional.empty(), 1, false));
    }

    @Test
    void badRoutesAreReported() {
        ConfigResult result = read("""
                static_routes {
                    192.168.1.0/24 via 2001:db8::1
                    192.168.2.0/24 table nosuchtable
                    192.168.3.0/24 dev eth0 frobnicate
                    via 192.168.0.1
                    192.168.4.0/24 encap mpls 200
                    blackhole 192.168.5.0/24 via 192.168.0.1
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:5: error: static_routes: 2001:db8::1 is not of the family of the destination 192.168.1.0/24",
                "keepalived.conf:3:26: error: static_routes: 'nosuchtable' is not valid; expected a table number or a name from rt_tables",
                "keepalived.conf:4:29: error: static_routes: unknown option 'frobnicate'; expected " + RouteParser.USAGE,
                "keepalived.conf:5:5: error: static_routes: no destination; expected " + RouteParser.USAGE,
                "keepalived.conf:6:20: error: static_routes: 'encap' is not supported yet",
                "keepalived.conf:7:5: error: static_routes: blackhole routes have no gateway");
    }

    @Test
    void rulesTakeTheOptionsOfIpRuleAdd() {
        List<IpRule> rules = valid("""
                static_rules {
                    from 192.168.28.0/24 to 192.168.29.0/26 table 7 iif p33p1 oif wlan0 tos 22 fwmark 24/12 preference 39 realms 30/20
                    to 1:2:3:4:5:6:7:0/112 from 7:6:5:4:3:2::/96 table 6908 uidrange 10000-19999 preference 2
                    to 1:2:3:4:6:6:7:0/112 l3mdev protocol 12 ip_proto UDP sport 10-20 dport 20 preference 3
                    not from all fwmark 0x10 goto 40 priority 4
                    inet6 blackhole preference 5 no_track
                }
                """).staticRules();

        IpRule first = rules.get(0);
        assertThat(first.family()).isEqualTo(IpFamily.INET);
        assertThat(first.from()).contains(prefix("192.168.28.0/24"));
        assertThat(first.to()).contains(prefix("192.168.29.0/26"));
        assertThat(first.table()).contains(7);
        assertThat(first.action()).isEqualTo(RuleAction.TABLE);
        assertThat(first.inputInterface()).contains("p33p1");
        assertThat(first.outputInterface()).contains("wlan0");
        assertThat(first.tos()).contains(22);
        assertThat(first.fwmark()).contains(24L);
        assertThat(first.fwmask()).contains(12L);
        assertThat(first.preference()).contains(39L);
        assertThat(first.realms()).contains((30 << 16) | 20);
        assertThat(rules.get(1).family()).isEqualTo(IpFamily.INET6);
        assertThat(rules.get(1).uidRange()).contains(new PortRange(10000, 19999));
        assertThat(rules.get(2).l3mdev()).isTrue();
        assertThat(rules.get(2).ipProto()).contains(17);
        assertThat(rules.get(2).sourcePorts()).contains(new PortRange(10, 20));
        assertThat(rules.get(2).destinationPorts()).contains(new PortRange(20, 20));
        assertThat(rules.get(3).not()).isTrue();
        assertThat(rules.get(3).from()).isEmpty();
        assertThat(rules.get(3).action()).isEqualTo(RuleAction.GOTO);
        assertThat(rules.get(3).gotoPreference()).contains(40L);
        assertThat(rules.get(4).family()).isEqualTo(IpFamily.INET6);
        assertThat(rules.get(4).action()).isEqualTo(RuleAction.BLACKHOLE);
        assertThat(rules.get(4).noTrack()).isTrue();
    }

    @Test
    void aRuleWithoutPreferenceIsAWarningAndWithoutActionAnError() {
        ConfigResult result = read("static_rules {\n    from 10.0.0.0/8 table 1\n    from 10.0.0.0/8\n}\n");

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:5: warning: static_rules: no preference given: rules without one change order as "
                        + "instances change state; give 'preference N'",
                "keepalived.conf:3:5: error: static_rules: no action; expected table TABLE, goto N, l3mdev, blackhole, "
                        + "unreachable, prohibit or nop");
    }

    @Test
    void staticAddressesTakeTheOptionsOfIpAddressAdd() {
        KeepalivedConfig config = valid("""
                static_ipaddress {
                    192.168.200.16 dev eth0 scope link
                    192.168.1.1/24 brd 192.168.1.255 dev eth1 label eth1:vip home mngtmpaddr autojoin
                }
                """);

        assertThat(config.staticAddresses().get(0).scope()).isEqualTo(AddressScope.LINK);
        assertThat(config.staticAddresses().get(1).broadcast()).contains(ip("192.168.1.255"));
        assertThat(config.staticAddresses().get(1).flags()).containsExactlyInAnyOrder(IpAddressEntry.Flag.HOME,
                IpAddressEntry.Flag.MNGTMPADDR, IpAddressEntry.Flag.AUTOJOIN);
        assertThat(config.staticAddresses().get(1).label()).contains("eth1:vip");
    }

    @Test
    void badAddressesAreReported() {
        ConfigResult result = read("""
                static_ipaddress {
                    192.168.1.1/33
                    192.168.1.2 scope galaxy
                    fe80::1 brd +
                    192.168.1.3 dev
                    192.168.1.4 use_vmac
                    192.168.1.5 track_group G
                    192.168.1.6 sideways
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:5: error: static_ipaddress: '192.168.1.1/33' is not valid; expected an IPv4 or IPv6 "
                        + "address with an optional /PREFIX_LENGTH",
                "keepalived.conf:3:23: error: static_ipaddress: 'galaxy' is not valid; expected global, site, link, host or nowhere",
                "keepalived.conf:4:13: error: static_ipaddress: brd applies to IPv4 addresses only",
                "keepalived.conf:5:17: error: static_ipaddress: missing value; expected " + AddressParser.USAGE,
                "keepalived.conf:6:17: error: static_ipaddress: use_vmac applies to the addresses of a vrrp_instance only",
                "keepalived.conf:7:17: error: static_ipaddress: 'track_group' is not supported yet",
                "keepalived.conf:8:17: error: static_ipaddress: unknown option 'sideways'; expected " + AddressParser.USAGE);
    }
}
