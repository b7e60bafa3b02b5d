package org.jkeepalived.netlink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void virtualRouterMacAddressesFollowRfc5798() {
        assertThat(MacAddress.vrrpIpv4(7)).hasToString("00:00:5e:00:01:07");
        assertThat(MacAddress.vrrpIpv6(255)).hasToString("00:00:5e:00:02:ff");
        assertThat(MacAddress.parse("00-00-5E-00-01-07")).isEqualTo(MacAddress.vrrpIpv4(7));
        assertThatThrownBy(() -> MacAddress.vrrpIpv4(0)).hasMessageContaining("virtual_router_id");
        assertThatThrownBy(() -> MacAddress.parse("00:00:5e:00:01:xyz")).isInstanceOf(IllegalArgumentException.class);
        byte[] bytes = MacAddress.vrrpIpv4(1).bytes();
        bytes[0] = 1;
        assertThat(MacAddress.vrrpIpv4(1).bytes()[0]).isZero();
    }

    @Test
    void prefixesCheckTheirLengthAgainstTheFamily() throws Exception {
        assertThat(IpPrefix.parse("192.0.2.0/24")).isEqualTo(new IpPrefix(InetAddress.getByName("192.0.2.0"), 24));
        assertThat(IpPrefix.parse("2001:db8::1")).hasToString("2001:db8:0:0:0:0:0:1/128");
        assertThat(IpPrefix.any(IpFamily.IPV4)).hasToString("0.0.0.0/0");
        assertThatThrownBy(() -> IpPrefix.parse("192.0.2.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("example.org/24")).hasMessageContaining("not an IP prefix");
    }

    @Test
    void anAddressSpecRefusesWhatTheKernelWould() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.10");
        InetAddress v6 = InetAddress.getByName("2001:db8::10");

        assertThat(AddressSpec.of("eth0", v4, 32).withLabel("eth0:1")).hasToString("192.0.2.10/32 dev eth0 label eth0:1");
        assertThatThrownBy(() -> AddressSpec.of("eth0", v4, 32).withLabel("eth0:0123456789ab")).hasMessageContaining("1 to 15 bytes");
        assertThatThrownBy(() -> AddressSpec.of("eth0", v6, 64).withLabel("eth0:1")).hasMessageContaining("for IPv4");
        assertThatThrownBy(() -> AddressSpec.of("eth0", v6, 64).withBroadcast(v6)).hasMessageContaining("no broadcast");
        assertThatThrownBy(() -> AddressSpec.of("eth0", v4, 32).withPeer(v6)).hasMessageContaining("of its family");
        assertThatThrownBy(() -> AddressSpec.of("eth0", v4, 33)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> AddressSpec.of("eth0", v6, 64).withFlags(Set.of(AddressFlag.TENTATIVE)))
                .hasMessageContaining("cannot be requested");
        assertThat(AddressSpec.of("eth0", v6, 64).withFlags(Set.of(AddressFlag.NOPREFIXROUTE, AddressFlag.NODAD))
                .withPreferredLifetime(0)).hasToString("2001:db8:0:0:0:0:0:10/64 dev eth0 nodad noprefixroute preferred_lft 0");
    }

    @Test
    void aRouteSpecRefusesMixedFamiliesAndReadsLikeIpRoute() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("10.0.0.0/8")).via(InetAddress.getByName("192.0.2.1")).device("eth0")
                .table(100).metric(5).metric(RouteMetric.mtu(1400)).build();

        assertThat(route).hasToString("10.0.0.0/8 via 192.0.2.1 dev eth0 table 100 metric 5 mtu 1400");
        assertThat(RouteSpec.to(IpPrefix.parse("10.0.0.0/8")).type(RouteType.BLACKHOLE).build()).hasToString("blackhole 10.0.0.0/8");
        assertThatThrownBy(() -> RouteSpec.to(IpPrefix.parse("10.0.0.0/8")).via(InetAddress.getByName("2001:db8::1")).build())
                .hasMessageContaining("another family");
        assertThatThrownBy(() -> RouteSpec.to(IpPrefix.parse("10.0.0.0/8")).device("eth0")
                .nexthop(new RouteSpec.Nexthop(InetAddress.getByName("192.0.2.1"), null, 1, false)).build())
                .hasMessageContaining("either nexthops or via/dev");
        assertThatThrownBy(() -> new RouteSpec.Nexthop(null, "eth0", 0, false)).hasMessageContaining("weight");
        assertThatThrownBy(() -> RouteSpec.to(IpPrefix.parse("10.0.0.0/8")).table(0).build()).hasMessageContaining("table");
    }

    @Test
    void aRuleNeedsWhatItsActionNeedsAndReadsLikeIpRule() {
        Rule rule = Rule.builder(IpFamily.IPV4).from(IpPrefix.parse("192.0.2.0/24")).fwmark(1, 0xff).priority(100).table(10).build();

        assertThat(rule).hasToString("-4 from 192.0.2.0/24 fwmark 0x1/0xff priority 100 lookup 10");
        assertThatThrownBy(() -> Rule.builder(IpFamily.IPV4).priority(1).build()).hasMessageContaining("needs a table");
        assertThatThrownBy(() -> Rule.builder(IpFamily.IPV6).from(IpPrefix.parse("192.0.2.0/24")).table(1).build())
                .hasMessageContaining("family");
        assertThatThrownBy(() -> new Rule.PortRange(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkIsUpWhenAdministrativelyUpAndRunning() {
        Link running = new Link(2, "eth0", 1, Link.IFF_UP | Link.IFF_RUNNING, OperState.UP, null, 1500, null, null, 0, 0);
        Link noCarrier = new Link(2, "eth0", 1, Link.IFF_UP, OperState.LOWER_LAYER_DOWN, null, 1500, null, null, 0, 0);

        assertThat(running.isUp()).isTrue();
        assertThat(noCarrier.isUp()).isFalse();
        assertThat(noCarrier.isAdminUp()).isTrue();
        assertThat(OperState.of(6)).isEqualTo(OperState.UP);
        assertThat(OperState.of(99)).isEqualTo(OperState.UNKNOWN);
    }
}
