package org.jkeepalived.netlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.IpJson.ip;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.AddressFlag;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacAddress;
import org.jkeepalived.netlink.api.MacvlanMode;
import org.jkeepalived.netlink.api.MacvlanSpec;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.api.Route;
import org.jkeepalived.netlink.api.RouteMetric;
import org.jkeepalived.netlink.api.RouteProtocol;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.api.RouteType;
import org.jkeepalived.netlink.api.Rule;
import org.jkeepalived.netlink.api.RuleAction;
import org.jkeepalived.netlink.api.Scope;
import org.jkeepalived.netlink.testing.ThreadCapabilities;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink service against the kernel of a namespace made for each test, holding a veth pair
 * {@code eth0}/{@code eth1} with 192.0.2.1/24 on eth0; every effect is checked with {@code ip -j}.
 */
class RtnetlinkClientTest {

    private NetworkNamespace host;
    private RtnetlinkClient rtnetlink;

    @BeforeEach
    void createHost() throws Exception {
        host = NetworkNamespace.create();
        host.execOrFail("ip", "link", "add", "eth0", "address", "02:00:00:00:00:01", "type", "veth", "peer", "name", "eth1");
        host.execOrFail("ip", "link", "set", "eth0", "up");
        host.execOrFail("ip", "link", "set", "eth1", "up");
        host.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
        host.execOrFail("ip", "-6", "addr", "add", "2001:db8::1/64", "dev", "eth0", "nodad");
        rtnetlink = host.call(() -> new RtnetlinkClient(Duration.ofSeconds(5)));
    }

    @AfterEach
    void deleteHost() {
        if (rtnetlink != null) {
            rtnetlink.close();
        }
        host.close();
    }

    @Test
    void linksAreThoseIpShows() {
        List<Link> links = rtnetlink.links();

        List<JsonNode> expected = ip(host, "link", "show");
        assertThat(links).extracting(Link::name).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(node -> node.get("ifname").asText()).toList());
        for (JsonNode node : expected) {
            Link link = links.stream().filter(l -> l.name().equals(node.get("ifname").asText())).findFirst().orElseThrow();
            assertThat(link.index()).isEqualTo(node.get("ifindex").asInt());
            assertThat(link.mtu()).isEqualTo(node.get("mtu").asInt());
            assertThat(link.mac()).hasToString(node.get("address").asText());
            assertThat(link.isAdminUp()).isEqualTo(flags(node).contains("UP"));
        }
        Link eth0 = rtnetlink.link("eth0");
        assertThat(eth0.kind()).isEqualTo("veth");
        assertThat(eth0.isUp()).isTrue();
        assertThat(eth0.parentIndex()).isEqualTo(rtnetlink.link("eth1").index());
    }

    @Test
    void addressesAreThoseIpShows() throws Exception {
        List<Address> addresses = rtnetlink.addresses();

        int eth0 = rtnetlink.link("eth0").index();
        Set<String> expected = ip(host, "addr", "show").stream()
                .flatMap(link -> stream(link.get("addr_info"))
                        .map(info -> link.get("ifindex").asInt() + " " + info.get("local").asText() + "/" + info.get("prefixlen").asInt()))
                .collect(Collectors.toSet());
        assertThat(addresses).extracting(a -> a.interfaceIndex() + " " + a.address().getHostAddress() + "/" + a.prefixLength())
                .map(text -> text.replace("0:0:0:0:0:0:0:1", "::1").replace("2001:db8:0:0:0:0:0:1", "2001:db8::1"))
                .filteredOn(text -> !text.contains(" fe80:"))
                .containsExactlyInAnyOrderElementsOf(expected.stream().filter(text -> !text.contains(" fe80:")).toList());
        assertThat(addresses).filteredOn(a -> a.interfaceIndex() == eth0 && a.family() == IpFamily.IPV4)
                .singleElement().satisfies(a -> assertThat(a.address()).isEqualTo(InetAddress.getByName("192.0.2.1")));
    }

    @Test
    void anIpv4VirtualAddressWithLabelBroadcastAndScopeIsAddedAndDeleted() throws Exception {
        AddressSpec vip = AddressSpec.of("eth0", InetAddress.getByName("203.0.113.10"), 24)
                .withBroadcast(InetAddress.getByName("203.0.113.255")).withLabel("eth0:vip").withScope(Scope.LINK);

        rtnetlink.addAddress(vip);

        JsonNode info = addressInfo("eth0", "203.0.113.10").orElseThrow();
        assertThat(info.get("prefixlen").asInt()).isEqualTo(24);
        assertThat(info.get("broadcast").asText()).isEqualTo("203.0.113.255");
        assertThat(info.get("label").asText()).isEqualTo("eth0:vip");
        assertThat(info.get("scope").asText()).isEqualTo("link");

        rtnetlink.deleteAddress(vip);

        assertThat(addressInfo("eth0", "203.0.113.10")).isEmpty();
        assertThat(addressInfo("eth0", "192.0.2.1")).isPresent();
    }

    @Test
    void aSecondVirtualAddressInTheSubnetIsSecondary() throws Exception {
        AddressSpec vip = AddressSpec.of("eth0", InetAddress.getByName("192.0.2.10"), 24);

        rtnetlink.addAddress(vip);

        assertThat(addressInfo("eth0", "192.0.2.10").orElseThrow().get("secondary").asBoolean()).isTrue();
        assertThat(rtnetlink.addresses()).filteredOn(a -> a.address().equals(vip.address()))
                .singleElement().satisfies(a -> assertThat(a.flags()).contains(AddressFlag.SECONDARY));
        rtnetlink.deleteAddress(vip);
        assertThat(addressInfo("eth0", "192.0.2.10")).isEmpty();
        assertThat(addressInfo("eth0", "192.0.2.1")).isPresent();
    }

    @Test
    void aPointToPointAddressHasItsPeer() throws Exception {
        AddressSpec spec = AddressSpec.of("eth0", InetAddress.getByName("10.9.0.1"), 32).withPeer(InetAddress.getByName("10.9.0.2"));

        rtnetlink.addAddress(spec);

        assertThat(addressInfo("eth0", "10.9.0.1").orElseThrow().get("address").asText()).isEqualTo("10.9.0.2");
        Address listed = rtnetlink.addresses().stream()
                .filter(a -> a.address().equals(spec.address())).findFirst().orElseThrow();
        assertThat(listed.peer()).isEqualTo(InetAddress.getByName("10.9.0.2"));
        rtnetlink.deleteAddress(spec);
        assertThat(addressInfo("eth0", "10.9.0.1")).isEmpty();
    }

    @Test
    void anIpv6AddressWithoutDuplicateDetectionAndDeprecatedIsUsableAtOnce() throws Exception {
        AddressSpec vip = AddressSpec.of("eth0", InetAddress.getByName("2001:db8::10"), 128)
                .withFlags(Set.of(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE)).withPreferredLifetime(0);

        rtnetlink.addAddress(vip);

        JsonNode info = addressInfo("eth0", "2001:db8::10").orElseThrow();
        assertThat(info.get("nodad").asBoolean()).isTrue();
        assertThat(info.get("noprefixroute").asBoolean()).isTrue();
        assertThat(info.get("tentative")).isNull();
        assertThat(info.get("preferred_life_time").asLong()).isZero();
        assertThat(info.get("valid_life_time").asLong()).isEqualTo(Address.FOREVER);
        rtnetlink.deleteAddress(vip);
        assertThat(addressInfo("eth0", "2001:db8::10")).isEmpty();
    }

    @Test
    void anAddressAlreadyPresentFailsWithEexist() throws Exception {
        AddressSpec present = AddressSpec.of("eth0", InetAddress.getByName("192.0.2.1"), 24);

        assertThatThrownBy(() -> rtnetlink.addAddress(present))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EEXIST);
                    assertThat(e.errnoName()).isEqualTo("EEXIST");
                    assertThat(e.kernelMessage()).isEqualTo("ipv4: Address already assigned");
                })
                .hasMessage("cannot add 192.0.2.1/24 to eth0: EEXIST (File exists): already present"
                        + " (kernel: ipv4: Address already assigned)");
    }

    @Test
    void anUnknownInterfaceFailsWithEnodevNamingTheAddress() throws Exception {
        AddressSpec vip = AddressSpec.of("eth9", InetAddress.getByName("192.0.2.10"), 32);

        assertThatThrownBy(() -> rtnetlink.addAddress(vip))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessageStartingWith("cannot add 192.0.2.10/32 to eth9: ENODEV (No such device): no such interface");
        assertThatThrownBy(() -> rtnetlink.setLinkUp("eth9", true))
                .hasMessageStartingWith("cannot set eth9 up: ENODEV (No such device)");
    }

    @Test
    void deletingAnAbsentAddressFailsWithEaddrnotavail() throws Exception {
        AddressSpec absent = AddressSpec.of("eth0", InetAddress.getByName("192.0.2.99"), 32);

        assertThatThrownBy(() -> rtnetlink.deleteAddress(absent))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL))
                .hasMessageStartingWith("cannot delete 192.0.2.99/32 from eth0: EADDRNOTAVAIL (Cannot assign requested address): not present");
    }

    @Test
    void aRouteWithEveryCommonPartIsAddedListedAndDeleted() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("198.51.100.0/24")).via(InetAddress.getByName("192.0.2.254"))
                .device("eth0").table(100).metric(7).protocol(RouteProtocol.KEEPALIVED)
                .preferredSource(InetAddress.getByName("192.0.2.1"))
                .metric(new RouteMetric(RouteMetric.Kind.MTU, 1300, true))
                .metric(new RouteMetric(RouteMetric.Kind.INITCWND, 10, false)).build();

        rtnetlink.addRoute(route);

        JsonNode shown = single(ip(host, "route", "show", "table", "100"));
        assertThat(shown.get("dst").asText()).isEqualTo("198.51.100.0/24");
        assertThat(shown.get("gateway").asText()).isEqualTo("192.0.2.254");
        assertThat(shown.get("dev").asText()).isEqualTo("eth0");
        assertThat(shown.get("metric").asInt()).isEqualTo(7);
        assertThat(shown.get("protocol").asText()).isEqualTo("keepalived");
        assertThat(shown.get("prefsrc").asText()).isEqualTo("192.0.2.1");
        assertThat(shown.get("metrics").toString()).contains("\"mtu\":1300").contains("\"initcwnd\":10");
        assertThat(host.execOrFail("ip", "route", "show", "table", "100")).contains("mtu lock 1300");
        Route listed = rtnetlink.routes().stream().filter(r -> r.table() == 100).findFirst().orElseThrow();
        assertThat(listed.destination()).isEqualTo(route.destination());
        assertThat(listed.outputInterface()).isEqualTo(rtnetlink.link("eth0").index());
        assertThat(listed.metrics()).contains(new RouteMetric(RouteMetric.Kind.MTU, 1300, true));

        assertThatThrownBy(() -> rtnetlink.addRoute(route))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("cannot add route 198.51.100.0/24 src 192.0.2.1 via 192.0.2.254 dev eth0 table 100 metric 7");
        rtnetlink.deleteRoute(route);
        assertThat(ip(host, "route", "show", "table", "100")).isEmpty();
        assertThatThrownBy(() -> rtnetlink.deleteRoute(route))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH))
                .hasMessageContaining("ESRCH (No such process): not present");
    }

    @Test
    void blackholeUnreachableAndProhibitRoutes() {
        for (RouteType type : List.of(RouteType.BLACKHOLE, RouteType.UNREACHABLE, RouteType.PROHIBIT)) {
            RouteSpec route = RouteSpec.to(IpPrefix.parse("203.0.113.0/24")).type(type).table(1000).build();

            rtnetlink.addRoute(route);

            JsonNode shown = single(ip(host, "route", "show", "table", "1000"));
            assertThat(shown.get("type").asText()).isEqualTo(type.name().toLowerCase());
            assertThat(shown.get("dst").asText()).isEqualTo("203.0.113.0/24");
            rtnetlink.deleteRoute(route);
            assertThat(ip(host, "route", "show", "table", "1000")).isEmpty();
        }
    }

    @Test
    void aDeviceRouteIsOfLinkScopeAndAnOnlinkGatewayNeedsNoPrefix() throws Exception {
        rtnetlink.addRoute(RouteSpec.to(IpPrefix.parse("198.18.0.0/24")).device("eth0").build());
        rtnetlink.addRoute(RouteSpec.to(IpPrefix.parse("198.18.1.0/24")).via(InetAddress.getByName("10.77.0.1"))
                .device("eth0").onlink().build());

        JsonNode device = single(ip(host, "route", "show", "198.18.0.0/24"));
        assertThat(device.get("scope").asText()).isEqualTo("link");
        JsonNode onlink = single(ip(host, "route", "show", "198.18.1.0/24"));
        assertThat(onlink.get("gateway").asText()).isEqualTo("10.77.0.1");
        assertThat(onlink.get("flags").toString()).contains("onlink");
    }

    @Test
    void anUnreachableGatewayIsRefusedWithTheKernelsReason() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("198.18.0.0/15")).via(InetAddress.getByName("10.77.0.1")).device("eth0").build();

        assertThatThrownBy(() -> rtnetlink.addRoute(route))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    // which of the two depends on the kernel's version and the state of the other routes
                    assertThat(e.errno()).isIn(Errno.EINVAL, Errno.ENETUNREACH);
                    assertThat(e.kernelMessage()).isEqualTo("Nexthop has invalid gateway");
                })
                .hasMessageStartingWith("cannot add route 198.18.0.0/15 via 10.77.0.1 dev eth0: E")
                .hasMessageEndingWith(" (kernel: Nexthop has invalid gateway)");
    }

    @Test
    void aMultipathRouteAndAnAppendedRoute() throws Exception {
        rtnetlink.addRoute(RouteSpec.to(IpPrefix.parse("203.0.113.128/26"))
                .nexthop(new RouteSpec.Nexthop(InetAddress.getByName("192.0.2.253"), "eth0", 1, false))
                .nexthop(new RouteSpec.Nexthop(InetAddress.getByName("192.0.2.252"), "eth0", 3, false)).build());
        RouteSpec first = RouteSpec.to(IpPrefix.parse("203.0.113.0/26")).via(InetAddress.getByName("192.0.2.251"))
                .protocol(RouteProtocol.STATIC).build();
        rtnetlink.addRoute(first);
        rtnetlink.addRoute(RouteSpec.to(IpPrefix.parse("203.0.113.0/26")).via(InetAddress.getByName("192.0.2.250"))
                .protocol(RouteProtocol.KEEPALIVED).append().build());

        JsonNode multipath = single(ip(host, "route", "show", "203.0.113.128/26"));
        assertThat(multipath.get("nexthops")).hasSize(2);
        assertThat(multipath.get("nexthops").get(1).get("gateway").asText()).isEqualTo("192.0.2.252");
        assertThat(multipath.get("nexthops").get(1).get("weight").asInt()).isEqualTo(3);
        assertThat(ip(host, "route", "show", "203.0.113.0/26")).extracting(node -> node.get("gateway").asText())
                .containsExactly("192.0.2.251", "192.0.2.250");
        Route listed = rtnetlink.routes().stream()
                .filter(r -> r.destination().equals(IpPrefix.parse("203.0.113.128/26"))).findFirst().orElseThrow();
        assertThat(listed.nexthops()).extracting(Route.Nexthop::weight).containsExactly(1, 3);
    }

    @Test
    void anIpv6RouteInATable() throws Exception {
        RouteSpec route = RouteSpec.to(IpPrefix.parse("2001:db8:1::/48")).via(InetAddress.getByName("2001:db8::fe"))
                .device("eth0").table(100).metric(50).build();

        rtnetlink.addRoute(route);

        JsonNode shown = single(ip(host, "-6", "route", "show", "table", "100"));
        assertThat(shown.get("dst").asText()).isEqualTo("2001:db8:1::/48");
        assertThat(shown.get("gateway").asText()).isEqualTo("2001:db8::fe");
        assertThat(shown.get("metric").asInt()).isEqualTo(50);
        rtnetlink.deleteRoute(route);
        assertThat(ip(host, "-6", "route", "show", "table", "100")).isEmpty();
    }

    @Test
    void aRuleWithEveryCommonSelectorIsAddedListedAndDeleted() {
        Rule rule = Rule.builder(IpFamily.IPV4).from(IpPrefix.parse("192.0.2.0/24")).to(IpPrefix.parse("198.51.100.0/24"))
                .fwmark(0x10, 0xff).iif("eth0").oif("eth1").priority(100).table(100).build();

        rtnetlink.addRule(rule);

        JsonNode shown = ip(host, "rule", "show").stream().filter(r -> r.get("priority").asInt() == 100).findFirst().orElseThrow();
        assertThat(shown.get("src").asText()).isEqualTo("192.0.2.0");
        assertThat(shown.get("srclen").asInt()).isEqualTo(24);
        assertThat(shown.get("dst").asText()).isEqualTo("198.51.100.0");
        assertThat(shown.get("fwmark").asText()).isEqualTo("0x10");
        assertThat(shown.get("fwmask").asText()).isEqualTo("0xff");
        assertThat(shown.get("iif").asText()).isEqualTo("eth0");
        assertThat(shown.get("oif").asText()).isEqualTo("eth1");
        assertThat(shown.get("table").asText()).isEqualTo("100");
        assertThat(rtnetlink.rules()).contains(rule);
        assertThatThrownBy(() -> rtnetlink.addRule(rule))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("cannot add rule -4 from 192.0.2.0/24 to 198.51.100.0/24");

        rtnetlink.deleteRule(rule);

        assertThat(ip(host, "rule", "show")).noneMatch(r -> r.get("priority").asInt() == 100);
        assertThatThrownBy(() -> rtnetlink.deleteRule(rule))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void gotoBlackholeAndIpv6Rules() {
        Rule jump = Rule.builder(IpFamily.IPV4).fwmark(7).priority(50).goTo(100).build();
        Rule drop = Rule.builder(IpFamily.IPV4).to(IpPrefix.parse("203.0.113.0/24")).priority(100).action(RuleAction.BLACKHOLE).build();
        Rule ipv6 = Rule.builder(IpFamily.IPV6).from(IpPrefix.parse("2001:db8::/32")).priority(500).table(1000).build();

        rtnetlink.addRule(jump);
        rtnetlink.addRule(drop);
        rtnetlink.addRule(ipv6);

        assertThat(host.execOrFail("ip", "rule", "show")).contains("50:\tfrom all fwmark 0x7 goto 100")
                .contains("100:\tfrom all to 203.0.113.0/24 blackhole");
        assertThat(host.execOrFail("ip", "-6", "rule", "show")).contains("500:\tfrom 2001:db8::/32 lookup 1000");
        // the kernel reports the mask it applies to a mark given without one
        Rule reportedJump = Rule.builder(IpFamily.IPV4).fwmark(7, 0xffffffff).priority(50).goTo(100).build();
        assertThat(rtnetlink.rules()).contains(reportedJump, drop, ipv6);
    }

    @Test
    void aLinkIsSetDownAndUp() {
        rtnetlink.setLinkUp("eth0", false);

        assertThat(flags(single(ip(host, "link", "show", "eth0")))).doesNotContain("UP");
        assertThat(rtnetlink.link("eth0").isUp()).isFalse();

        rtnetlink.setLinkUp("eth0", true);

        assertThat(flags(single(ip(host, "link", "show", "eth0")))).contains("UP");
        assertThat(rtnetlink.link("eth0").isAdminUp()).isTrue();
    }

    @Test
    void aVirtualMacInterfaceIsCreatedWithTheVrrpMacAndDeleted() {
        Link vmac = rtnetlink.addMacvlan(new MacvlanSpec("vrrp.7", "eth0", MacAddress.vrrpIpv4(7), MacvlanMode.PRIVATE));

        JsonNode shown = single(ip(host, "link", "show", "vrrp.7"));
        assertThat(shown.get("address").asText()).isEqualTo("00:00:5e:00:01:07");
        assertThat(shown.get("link").asText()).isEqualTo("eth0");
        assertThat(shown.get("linkinfo").get("info_kind").asText()).isEqualTo("macvlan");
        assertThat(shown.get("linkinfo").get("info_data").get("mode").asText()).isEqualTo("private");
        assertThat(flags(shown)).contains("UP");
        assertThat(vmac.mac()).isEqualTo(MacAddress.vrrpIpv4(7));
        assertThat(vmac.macvlanMode()).isEqualTo(MacvlanMode.PRIVATE);
        assertThat(vmac.parentIndex()).isEqualTo(rtnetlink.link("eth0").index());
        assertThatThrownBy(() -> rtnetlink.addMacvlan(new MacvlanSpec("vrrp.7", "eth0", MacAddress.vrrpIpv4(7), MacvlanMode.PRIVATE)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));

        rtnetlink.deleteLink("vrrp.7");

        assertThat(host.exec("ip", "link", "show", "vrrp.7").succeeded()).isFalse();
        assertThatThrownBy(() -> rtnetlink.deleteLink("vrrp.7"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessageStartingWith("cannot delete link vrrp.7: ENODEV");
    }

    @Test
    void anIpv6VirtualMacInBridgeModeAndAMissingParent() {
        rtnetlink.addMacvlan(new MacvlanSpec("vrrp6.9", "eth0", MacAddress.vrrpIpv6(9), MacvlanMode.BRIDGE));

        JsonNode shown = single(ip(host, "link", "show", "vrrp6.9"));
        assertThat(shown.get("address").asText()).isEqualTo("00:00:5e:00:02:09");
        assertThat(shown.get("linkinfo").get("info_data").get("mode").asText()).isEqualTo("bridge");
        assertThatThrownBy(() -> rtnetlink.addMacvlan(new MacvlanSpec("vrrp.8", "eth9", MacAddress.vrrpIpv4(8), MacvlanMode.PRIVATE)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessageStartingWith("cannot add link vrrp.8 link eth9 address 00:00:5e:00:01:08 type macvlan mode private: ENODEV");
    }

    @Test
    void withoutCapNetAdminAChangeFailsWithEperm() throws Exception {
        NetlinkException refused = host.call(() -> {
            ThreadCapabilities.dropEffective(ThreadCapabilities.CAP_NET_ADMIN);
            assertThat(ThreadCapabilities.hasEffective(ThreadCapabilities.CAP_NET_ADMIN)).isFalse();
            try (RtnetlinkClient unprivileged = new RtnetlinkClient(Duration.ofSeconds(5))) {
                assertThat(unprivileged.links()).extracting(Link::name).contains("eth0");
                unprivileged.addAddress(AddressSpec.of("eth0", InetAddress.getByName("192.0.2.10"), 32));
                return null;
            } catch (NetlinkException e) {
                return e;
            }
        });

        assertThat(refused).isNotNull();
        assertThat(refused.errno()).isEqualTo(Errno.EPERM);
        assertThat(refused).hasMessage("cannot add 192.0.2.10/32 to eth0: EPERM (Operation not permitted): not permitted: needs CAP_NET_ADMIN");
        assertThat(addressInfo("eth0", "192.0.2.10")).isEmpty();
    }

    private java.util.Optional<JsonNode> addressInfo(String device, String address) {
        return stream(single(ip(host, "addr", "show", "dev", device)).get("addr_info"))
                .filter(info -> info.get("local").asText().equals(address)).findFirst();
    }

    private static JsonNode single(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    private static List<String> flags(JsonNode link) {
        return stream(link.get("flags")).map(JsonNode::asText).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
