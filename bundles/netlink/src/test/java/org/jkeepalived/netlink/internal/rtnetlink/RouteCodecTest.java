package org.jkeepalived.netlink.internal.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.net.InetAddress;
import java.util.List;
import java.util.function.ToIntFunction;

import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.api.Route;
import org.jkeepalived.netlink.api.RouteMetric;
import org.jkeepalived.netlink.api.RouteProtocol;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.api.RouteType;
import org.jkeepalived.netlink.api.Scope;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.testing.HostBytes;
import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

/**
 * {@code struct rtmsg}: u8 family, u8 dst_len, u8 src_len, u8 tos, u8 table, u8 protocol, u8 scope,
 * u8 type, u32 flags. {@code struct rtnexthop}: u16 len, u8 flags, u8 hops, s32 ifindex.
 */
class RouteCodecTest {

    private static final ToIntFunction<String> ETH0_IS_7 = name -> {
        assertThat(name).isEqualTo("eth0");
        return 7;
    };

    @Test
    void aDumpRequestAsksForEveryTable() {
        assertThat(HostBytes.of(RouteCodec.dump())).isEqualTo(bytes()
                // RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP
                .u32(28).u16(26).u16(0x301).u32(0).u32(0)
                .u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0)
                .array());
    }

    @Test
    void aGatewayRouteWithTableMetricProtocolOnlinkAndLockedMtu() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("198.51.100.0/24")).via(InetAddress.getByName("192.0.2.254"))
                .device("eth0").table(100).metric(7).protocol(RouteProtocol.STATIC).onlink()
                .metric(new RouteMetric(RouteMetric.Kind.MTU, 1300, true)).build();

        assertThat(HostBytes.of(RouteCodec.add(route, ETH0_IS_7))).isEqualTo(bytes()
                // RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
                .u32(80).u16(24).u16(0x605).u32(0).u32(0)
                // AF_INET, /24, no source, tos 0, table 100, RTPROT_STATIC, RT_SCOPE_UNIVERSE, RTN_UNICAST, RTNH_F_ONLINK
                .u8(2).u8(24).u8(0).u8(0).u8(100).u8(4).u8(0).u8(1).u32(4)
                // RTA_DST, RTA_GATEWAY, RTA_OIF, RTA_PRIORITY
                .u16(8).u16(1).ip("198.51.100.0")
                .u16(8).u16(5).ip("192.0.2.254")
                .u16(8).u16(4).u32(7)
                .u16(8).u16(6).u32(7)
                // RTA_METRICS { RTAX_MTU 1300, RTAX_LOCK 1 << RTAX_MTU }
                .u16(20).u16(8)
                .u16(8).u16(2).u32(1300)
                .u16(8).u16(1).u32(1 << 2)
                .array());
    }

    @Test
    void aBlackholeRouteInTheMainTable() {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("203.0.113.0/24")).type(RouteType.BLACKHOLE).build();

        assertThat(HostBytes.of(RouteCodec.add(route, ETH0_IS_7))).isEqualTo(bytes()
                .u32(36).u16(24).u16(0x605).u32(0).u32(0)
                // RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_BLACKHOLE
                .u8(2).u8(24).u8(0).u8(0).u8(254).u8(3).u8(0).u8(6).u32(0)
                .u16(8).u16(1).ip("203.0.113.0")
                .array());
    }

    @Test
    void aTableAbove255GoesInAnAttributeAndAppendReplacesExclusive() {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("203.0.113.64/26")).type(RouteType.UNREACHABLE)
                .table(1000).append().build();

        assertThat(HostBytes.of(RouteCodec.add(route, ETH0_IS_7))).isEqualTo(bytes()
                // NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_APPEND
                .u32(44).u16(24).u16(0xc05).u32(0).u32(0)
                // RT_TABLE_UNSPEC, RTN_UNREACHABLE
                .u8(2).u8(26).u8(0).u8(0).u8(0).u8(3).u8(0).u8(7).u32(0)
                .u16(8).u16(1).ip("203.0.113.64")
                // RTA_TABLE
                .u16(8).u16(15).u32(1000)
                .array());
    }

    @Test
    void aDeviceRouteWithoutGatewayIsOfLinkScope() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("192.0.2.0/24")).device("eth0")
                .preferredSource(InetAddress.getByName("192.0.2.1")).build();

        assertThat(HostBytes.of(RouteCodec.add(route, ETH0_IS_7))).isEqualTo(bytes()
                .u32(52).u16(24).u16(0x605).u32(0).u32(0)
                // RT_SCOPE_LINK
                .u8(2).u8(24).u8(0).u8(0).u8(254).u8(3).u8(253).u8(1).u32(0)
                .u16(8).u16(1).ip("192.0.2.0")
                // RTA_PREFSRC
                .u16(8).u16(7).ip("192.0.2.1")
                .u16(8).u16(4).u32(7)
                .array());
    }

    @Test
    void aMultipathRouteListsItsNexthops() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("203.0.113.128/26"))
                .nexthop(new RouteSpec.Nexthop(InetAddress.getByName("192.0.2.253"), "eth0", 1, false))
                .nexthop(new RouteSpec.Nexthop(InetAddress.getByName("192.0.2.252"), "eth0", 3, true))
                .build();

        assertThat(HostBytes.of(RouteCodec.add(route, ETH0_IS_7))).isEqualTo(bytes()
                .u32(72).u16(24).u16(0x605).u32(0).u32(0)
                // nexthops have gateways: RT_SCOPE_UNIVERSE
                .u8(2).u8(26).u8(0).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0)
                .u16(8).u16(1).ip("203.0.113.128")
                // RTA_MULTIPATH
                .u16(36).u16(9)
                // rtnexthop: len 8 + RTA_GATEWAY, no flags, weight 1, eth0
                .u16(16).u8(0).u8(0).u32(7)
                .u16(8).u16(5).ip("192.0.2.253")
                // RTNH_F_ONLINK, weight 3
                .u16(16).u8(4).u8(2).u32(7)
                .u16(8).u16(5).ip("192.0.2.252")
                .array());
    }

    @Test
    void anIpv6SourceSpecificRoute() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("2001:db8:1::/48")).from(IpPrefix.parse("2001:db8:2::/64"))
                .via(InetAddress.getByName("2001:db8::fe")).device("eth0").build();

        assertThat(HostBytes.of(RouteCodec.add(route, ETH0_IS_7))).isEqualTo(bytes()
                .u32(96).u16(24).u16(0x605).u32(0).u32(0)
                // AF_INET6, /48 from /64
                .u8(10).u8(48).u8(64).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0)
                .u16(20).u16(1).ip("2001:db8:1::")
                .u16(20).u16(2).ip("2001:db8:2::")
                .u16(20).u16(5).ip("2001:db8::fe")
                .u16(8).u16(4).u32(7)
                .array());
    }

    @Test
    void aDeleteLeavesWhatIsNotGivenAsAWildcard() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("198.51.100.0/24")).via(InetAddress.getByName("192.0.2.254"))
                .table(100).build();

        assertThat(HostBytes.of(RouteCodec.delete(route, ETH0_IS_7))).isEqualTo(bytes()
                // RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK
                .u32(44).u16(25).u16(0x005).u32(0).u32(0)
                // RTPROT_UNSPEC, RT_SCOPE_NOWHERE
                .u8(2).u8(24).u8(0).u8(0).u8(100).u8(0).u8(255).u8(1).u32(0)
                .u16(8).u16(1).ip("198.51.100.0")
                .u16(8).u16(5).ip("192.0.2.254")
                .array());
    }

    @Test
    void decodesTheRoutesTheKernelDumped() throws Exception {
        List<Route> routes = KernelReplies.messages("routes").stream()
                .filter(message -> message.type() == RtnetlinkProtocol.RTM_NEWROUTE)
                .map(RouteCodec::decode)
                .toList();

        Route gateway = find(routes, "198.51.100.0/24");
        assertThat(gateway.table()).isEqualTo(100);
        assertThat(gateway.gateway()).isEqualTo(InetAddress.getByName("192.0.2.254"));
        assertThat(gateway.outputInterface()).isEqualTo(3);
        assertThat(gateway.metric()).isEqualTo(7);
        assertThat(gateway.protocol()).isEqualTo(RouteProtocol.STATIC);
        assertThat(gateway.metrics()).containsExactly(new RouteMetric(RouteMetric.Kind.MTU, 1300, true));
        Route unreachable = find(routes, "203.0.113.64/26");
        assertThat(unreachable.type()).isEqualTo(RouteType.UNREACHABLE);
        assertThat(unreachable.table()).isEqualTo(1000);
        assertThat(find(routes, "203.0.113.0/26").type()).isEqualTo(RouteType.BLACKHOLE);
        Route prohibit = find(routes, "203.0.113.192/26");
        assertThat(prohibit.type()).isEqualTo(RouteType.PROHIBIT);
        assertThat(prohibit.metric()).isEqualTo(5);
        Route multipath = find(routes, "203.0.113.128/26");
        assertThat(multipath.preferredSource()).isEqualTo(InetAddress.getByName("192.0.2.1"));
        assertThat(multipath.nexthops()).containsExactly(
                new Route.Nexthop(InetAddress.getByName("192.0.2.253"), 3, 1, 0),
                new Route.Nexthop(InetAddress.getByName("192.0.2.252"), 3, 3, 0));
        Route connected = find(routes, "192.0.2.0/24");
        assertThat(connected.scope()).isEqualTo(Scope.LINK);
        assertThat(connected.protocol()).isEqualTo(RouteProtocol.KERNEL);
        Route ipv6 = find(routes, "2001:db8:1::/48");
        assertThat(ipv6.family()).isEqualTo(IpFamily.IPV6);
        assertThat(ipv6.isOnlink()).isTrue();
        assertThat(ipv6.metric()).isEqualTo(1024);
        assertThat(ipv6.gateway()).isEqualTo(InetAddress.getByName("2001:db8::fe"));
        assertThat(routes).filteredOn(r -> r.table() == Route.TABLE_LOCAL && r.type() == RouteType.LOCAL)
                .extracting(r -> r.destination().toString()).contains("192.0.2.1/32", "127.0.0.0/8");
    }

    @Test
    void rejectsMalformedPrefixesAndNexthops() {
        NetlinkMessage longPrefix = NetlinkFrameDecoder.decode(bytes().u32(36).u16(24).u16(0).u32(0).u32(0)
                .u8(2).u8(40).u8(0).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0).u16(8).u16(1).ip("192.0.2.0").buffer()).get(0);
        NetlinkMessage prefixWithoutAddress = NetlinkFrameDecoder.decode(bytes().u32(28).u16(24).u16(0).u32(0).u32(0)
                .u8(2).u8(24).u8(0).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0).buffer()).get(0);
        NetlinkMessage shortNexthop = NetlinkFrameDecoder.decode(bytes().u32(40).u16(24).u16(0).u32(0).u32(0)
                .u8(2).u8(0).u8(0).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0)
                .u16(12).u16(9).u16(6).u8(0).u8(0).u32(1).buffer()).get(0);

        assertThatThrownBy(() -> RouteCodec.decode(longPrefix)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> RouteCodec.decode(prefixWithoutAddress)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> RouteCodec.decode(shortNexthop)).isInstanceOf(NetlinkDecodeException.class);
    }

    private static Route find(List<Route> routes, String destination) {
        IpPrefix wanted = IpPrefix.parse(destination);
        return routes.stream().filter(r -> r.destination().equals(wanted)).findFirst().orElseThrow();
    }
}
