package org.jkeepalived.vrrp.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.vrrp.internal.settings.TestSettings.address;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.ChecksumRule;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;
import org.junit.jupiter.api.Test;

/** vrrp_instance blocks of keepalived.conf, read by the config bundle, into protocol settings. */
class VrrpSettingsMapperTest {

    @Test
    void aVrrpV2InstanceWithAPassword() {
        VrrpSettings settings = map("""
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 2
                    nopreempt
                    authentication {
                        auth_type PASS
                        auth_pass 123456789
                    }
                    virtual_ipaddress {
                        192.168.200.16/24
                        192.168.200.17 dev eth1
                    }
                }
                """);

        assertThat(settings.name()).isEqualTo("VI_1");
        assertThat(settings.version()).isEqualTo(VrrpVersion.V2);
        assertThat(settings.family()).isEqualTo(IpFamily.INET);
        assertThat(settings.virtualRouterId()).isEqualTo(51);
        assertThat(settings.priority()).isEqualTo(150);
        assertThat(settings.startAsMaster()).isFalse();
        assertThat(settings.preempt()).isFalse();
        assertThat(settings.advertIntervalCentiseconds()).isEqualTo(200);
        assertThat(settings.wireAdvertInterval()).isEqualTo(2);
        assertThat(settings.authType()).isEqualTo(AuthType.PASS);
        assertThat(settings.authData()).isEqualTo(AuthType.passwordData("12345678"));
        assertThat(settings.virtualAddresses()).containsExactly(address("192.168.200.16"), address("192.168.200.17"));
        assertThat(settings.interfaceName()).contains("eth0");
        assertThat(settings.multicastGroup()).isEqualTo(address("224.0.0.18"));
        assertThat(settings.checksumRule()).isEqualTo(ChecksumRule.MESSAGE);
        assertThat(settings.unicast()).isFalse();
    }

    @Test
    void aVrrpV3UnicastInstance() {
        VrrpSettings settings = map("""
                vrrp_instance VI_2 {
                    version 3
                    interface eth0
                    virtual_router_id 7
                    priority 90
                    advert_int 0.5
                    preempt_delay 10
                    unicast_src_ip 10.0.0.1
                    unicast_peer {
                        10.0.0.2
                        10.0.0.3 min_ttl 250
                    }
                    virtual_ipaddress {
                        10.0.0.100
                    }
                }
                """);

        assertThat(settings.version()).isEqualTo(VrrpVersion.V3);
        assertThat(settings.advertIntervalCentiseconds()).isEqualTo(50);
        assertThat(settings.wireAdvertInterval()).isEqualTo(50);
        assertThat(settings.preemptDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.sourceAddress()).contains(address("10.0.0.1"));
        assertThat(settings.destinations()).containsExactly(address("10.0.0.2"), address("10.0.0.3"));
        assertThat(settings.checkUnicastSource()).isTrue();
        assertThat(settings.checksumRule()).isEqualTo(ChecksumRule.PSEUDO_HEADER);
        assertThat(settings.receiveRules().unicast()).isTrue();
        assertThat(settings.receiveRules().detectLegacyUnicastChecksum()).isTrue();
    }

    @Test
    void anIpv6InstanceIsVrrpV3ToTheIpv6Group() {
        VrrpSettings settings = map("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 9
                    priority 255
                    virtual_ipaddress {
                        fe80::9
                        2001:db8::9
                    }
                }
                """);

        assertThat(settings.family()).isEqualTo(IpFamily.INET6);
        assertThat(settings.version()).isEqualTo(VrrpVersion.V3);
        assertThat(settings.addressOwner()).isTrue();
        assertThat(settings.startAsMaster()).isTrue();
        assertThat(settings.multicastGroup()).isEqualTo(address("ff02::12"));
        assertThat(settings.virtualAddresses()).containsExactly(address("fe80::9"), address("2001:db8::9"));
        assertThat(settings.checksumRule()).isEqualTo(ChecksumRule.PSEUDO_HEADER);
    }

    @Test
    void v3ChecksumAsV2LeavesThePseudoHeaderOut() {
        VrrpSettings settings = map("""
                vrrp_instance VI_3 {
                    version 3
                    v3_checksum_as_v2
                    interface eth0
                    virtual_router_id 3
                    virtual_ipaddress {
                        10.0.0.100
                    }
                }
                """);

        assertThat(settings.checksumRule()).isEqualTo(ChecksumRule.MESSAGE);
        assertThat(settings.receiveRules().checksumRule()).isEqualTo(ChecksumRule.MESSAGE);
    }

    @Test
    void ipsecAhKeysItsHmacWithThePasswordAndSendsZeroAuthenticationData() {
        VrrpSettings settings = map("""
                vrrp_instance VI_AH {
                    interface eth0
                    virtual_router_id 3
                    authentication {
                        auth_type AH
                        auth_pass s3cret
                    }
                    virtual_ipaddress {
                        10.0.0.100
                    }
                }
                """);

        assertThat(settings.authType()).isEqualTo(AuthType.AH);
        assertThat(settings.authData()).isEqualTo(AuthType.passwordData("s3cret"));
        assertThat(settings.receiveRules().authType()).isEqualTo(AuthType.AH);
        assertThat(settings.advertisement().authType()).isEqualTo(AuthType.AH);
        assertThat(settings.advertisement().authData()).isZero();
    }

    @Test
    void useVmacNamesTheMacvlanAfterTheVridAndGivesItTheVirtualRouterMacAddressOfTheFamily() {
        VrrpSettings ipv4 = map(vmacInstance("use_vmac", "192.0.2.100"));
        VrrpSettings ipv6 = map(vmacInstance("use_vmac", "2001:db8::100"));
        VrrpInstance instance = instance(vmacInstance("use_vmac", "192.0.2.100"));
        VrrpSettings prefixed = VrrpSettingsMapper.map(instance, VmacNames.of(List.of(instance), "vmac"), AnnouncementSpacing.NONE);

        assertThat(ipv4.vmac()).contains(new VirtualMac("vrrp.51", new MacAddress(0x00005e000133L), false));
        assertThat(ipv6.vmac()).contains(new VirtualMac("vrrp.51", new MacAddress(0x00005e000233L), false));
        assertThat(prefixed.vmac().orElseThrow().interfaceName()).isEqualTo("vmac.51");
        assertThat(map(vmacInstance("", "192.0.2.100")).vmac()).isEmpty();
    }

    @Test
    void useVmacTakesTheGivenNameAndAddressAndVmacXmitBase() {
        VrrpSettings named = map(vmacInstance("use_vmac vrrp51 02:00:00:00:00:07\n    vmac_xmit_base", "192.0.2.100"));

        assertThat(named.vmac()).contains(new VirtualMac("vrrp51", new MacAddress(0x020000000007L), true));
    }

    @Test
    void useVmacWithUnicastPeersSendsOnTheBaseInterface() {
        VrrpSettings unicast = map(vmacInstance("use_vmac\n    unicast_peer {\n        192.0.2.2\n    }", "192.0.2.100"));

        assertThat(unicast.vmac().orElseThrow().transmitOnBase()).isTrue();
    }

    private static String vmacInstance(String vmacLines, String address) {
        return """
                vrrp_instance VI_1 {
                    interface eth0
                    %s
                    virtual_router_id 51
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(vmacLines, address);
    }

    @Test
    void settingsOutsideTheProtocolAreRefused() {
        assertThatThrownBy(() -> TestSettings.v2().advertIntervalCentiseconds(150).build())
                .hasMessageContaining("(VI_1) a VRRPv2 advert_int is a whole number of seconds");
        assertThatThrownBy(() -> TestSettings.v2().virtualAddresses(List.of(address("2001:db8::1"))).build())
                .hasMessageContaining("is not of the instance's family");
        assertThatThrownBy(() -> TestSettings.v2().interfaceName(null).build())
                .hasMessageContaining("a multicast instance needs an interface");
        assertThat(TestSettings.v2().interfaceName(null).unicastPeer(address("10.0.0.2")).build().interfaceName())
                .isEqualTo(Optional.empty());
    }

    @Test
    void vmacsOfOneVridTakeTheNextFreeNameAndAGivenNameIsKept() {
        ConfigResult result = ConfigReader.builder().build().read("keepalived.conf", """
                vrrp_instance VI_4 {
                    interface eth0
                    use_vmac
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.0.2.100
                    }
                }
                vrrp_instance VI_6 {
                    interface eth0
                    use_vmac
                    virtual_router_id 51
                    virtual_ipaddress {
                        2001:db8::100/64
                    }
                }
                vrrp_instance VI_X {
                    interface eth1
                    use_vmac
                    virtual_router_id 51
                    virtual_ipaddress {
                        198.51.100.100
                    }
                }
                vrrp_instance VI_N {
                    interface eth1
                    use_vmac vrrp1.51
                    virtual_router_id 52
                    virtual_ipaddress {
                        198.51.100.101
                    }
                }
                """);
        List<VrrpInstance> instances = result.config().orElseThrow().vrrpInstances();
        VmacNames names = VmacNames.of(instances, "vrrp");

        assertThat(instances).extracting(instance -> VrrpSettingsMapper.map(instance, names, AnnouncementSpacing.NONE).vmac().orElseThrow().interfaceName())
                .containsExactly("vrrp.51", "vrrp2.51", "vrrp3.51", "vrrp1.51");
    }

    private static VrrpSettings map(String text) {
        VrrpInstance instance = instance(text);
        return VrrpSettingsMapper.map(instance, VmacNames.of(List.of(instance), "vrrp"), AnnouncementSpacing.NONE);
    }

    private static VrrpInstance instance(String text) {
        ConfigResult result = ConfigReader.builder().build().read("keepalived.conf", text);
        assertThat(result.config()).as(result.diagnostics().toString()).isPresent();
        return result.config().orElseThrow().vrrpInstances().get(0);
    }
}
