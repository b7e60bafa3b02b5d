package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
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
import org.junit.jupiter.api.Test;

/** What the kernel is asked for each way keepalived.conf writes an address, a route or a rule. */
class KernelSpecsTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    192.0.2.100/24 dev eth0 label eth0:vip
                }
                virtual_ipaddress_excluded {
                    2001:db8::100/64
                }
                virtual_routes {
                    src 192.0.2.100 to 198.51.100.0/24 via 192.0.2.254 dev eth0 table 100 metric 5 scope global protocol static
                    blackhole 203.0.113.0/24 table 100
                    unreachable 203.0.113.128/25
                    prohibit 2001:db8:dead::/48
                    default via 192.0.2.254 mtu lock 1400 rtt 10 onlink
                }
                virtual_rules {
                    from 192.0.2.100/32 table 100 priority 100
                    to 198.51.100.0/24 fwmark 7/0xff iif eth0 table 100 priority 101
                    from all oif eth0 priority 102 prohibit
                }
            }
            """;

    @Test
    void virtualAddressesComeFirstAndExcludedOnesAfterThemOnTheInstancesInterface() throws Exception {
        NetworkEntries entries = KernelSpecs.of(config(INSTANCE).vrrpInstances().get(0), Optional.of("eth0"));

        assertThat(entries.addresses()).containsExactly(
                AddressSpec.of("eth0", InetAddress.getByName("192.0.2.100"), 24).withLabel("eth0:vip"),
                AddressSpec.of("eth0", InetAddress.getByName("2001:db8::100"), 64).withFlags(EnumSet.of(AddressFlag.NODAD)));
    }

    @Test
    void routesKeepEveryOptionAndTakeKeepalivedsProtocolUnlessTheyNameOne() throws Exception {
        NetworkEntries entries = KernelSpecs.of(config(INSTANCE).vrrpInstances().get(0), Optional.of("eth0"));

        assertThat(entries.routes()).containsExactly(
                RouteSpec.to(IpPrefix.parse("198.51.100.0/24")).preferredSource(InetAddress.getByName("192.0.2.100"))
                        .via(InetAddress.getByName("192.0.2.254")).device("eth0").table(100).metric(5)
                        .scope(Scope.GLOBAL).protocol(RouteProtocol.STATIC).build(),
                RouteSpec.to(IpPrefix.parse("203.0.113.0/24")).type(RouteType.BLACKHOLE).table(100)
                        .protocol(RouteProtocol.KEEPALIVED).build(),
                RouteSpec.to(IpPrefix.parse("203.0.113.128/25")).type(RouteType.UNREACHABLE)
                        .protocol(RouteProtocol.KEEPALIVED).build(),
                RouteSpec.to(IpPrefix.parse("2001:db8:dead::/48")).type(RouteType.PROHIBIT)
                        .protocol(RouteProtocol.KEEPALIVED).build(),
                RouteSpec.to(IpPrefix.parse("0.0.0.0/0")).via(InetAddress.getByName("192.0.2.254")).onlink()
                        .protocol(RouteProtocol.KEEPALIVED)
                        // the kernel keeps rtt in eighths of a millisecond
                        .metric(new RouteMetric(RouteMetric.Kind.MTU, 1400, true))
                        .metric(new RouteMetric(RouteMetric.Kind.RTT, 80, false)).build());
    }

    @Test
    void rulesKeepTheirSelectorsPriorityAndAction() {
        NetworkEntries entries = KernelSpecs.of(config(INSTANCE).vrrpInstances().get(0), Optional.of("eth0"));

        assertThat(entries.rules()).containsExactly(
                Rule.builder(IpFamily.IPV4).from(IpPrefix.parse("192.0.2.100/32")).table(100).priority(100).build(),
                Rule.builder(IpFamily.IPV4).to(IpPrefix.parse("198.51.100.0/24")).fwmark(7, 0xff).iif("eth0")
                        .table(100).priority(101).build(),
                Rule.builder(IpFamily.IPV4).oif("eth0").priority(102).action(RuleAction.PROHIBIT).build());
    }

    @Test
    void staticEntriesAreTheFilesAndOneThatCannotBeSetIsLeftOutAlone() throws Exception {
        KeepalivedConfig config = config("""
                static_ipaddress {
                    192.0.2.50/24 dev eth0
                    192.0.2.51/24
                }
                static_routes {
                    10.99.0.0/16 via 192.0.2.254 dev eth0
                }
                static_rules {
                    from 10.98.0.0/16 table 200 priority 200
                }
                """);

        NetworkEntries statics = KernelSpecs.statics(config);

        assertThat(statics.addresses()).containsExactly(AddressSpec.of("eth0", InetAddress.getByName("192.0.2.50"), 24));
        assertThat(statics.routes()).containsExactly(RouteSpec.to(IpPrefix.parse("10.99.0.0/16"))
                .via(InetAddress.getByName("192.0.2.254")).device("eth0").protocol(RouteProtocol.KEEPALIVED).build());
        assertThat(statics.rules()).containsExactly(
                Rule.builder(IpFamily.IPV4).from(IpPrefix.parse("10.98.0.0/16")).table(200).priority(200).build());
    }

    @Test
    void withAVmacTheAddressesWithoutADeviceGoOnItAndTheOthersStayOnTheirs() throws Exception {
        KeepalivedConfig config = config("""
                vrrp_instance VI_1 {
                    interface eth0
                    use_vmac
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.0.2.100
                        198.51.100.1 dev eth1
                    }
                }
                """);

        NetworkEntries entries = KernelSpecs.of(config.vrrpInstances().get(0), Optional.of("vrrp.51"));

        assertThat(entries.addresses()).containsExactly(
                AddressSpec.of("vrrp.51", InetAddress.getByName("192.0.2.100"), 32),
                AddressSpec.of("eth1", InetAddress.getByName("198.51.100.1"), 32));
    }

    @Test
    void aVirtualAddressWithoutAnInterfaceNamesTheInstance() {
        KeepalivedConfig config = config("""
                vrrp_instance VI_9 {
                    virtual_router_id 9
                    unicast_peer {
                        192.0.2.2
                    }
                    virtual_ipaddress {
                        192.0.2.9
                    }
                }
                """);

        assertThatThrownBy(() -> KernelSpecs.of(config.vrrpInstances().get(0), Optional.empty()))
                .hasMessageContaining("(VI_9) virtual address 192.0.2.9/32 has no interface");
    }

    private static KeepalivedConfig config(String text) {
        ConfigResult result = ConfigReader.builder().build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow();
    }
}
