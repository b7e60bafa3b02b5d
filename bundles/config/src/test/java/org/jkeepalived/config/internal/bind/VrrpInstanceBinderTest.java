package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;
import static org.jkeepalived.config.api.Configs.valid;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.net.AddressScope;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.config.api.model.vrrp.Vmac;
import org.jkeepalived.config.api.model.vrrp.VrrpAuthentication;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.config.api.model.vrrp.VrrpState;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.junit.jupiter.api.Test;

class VrrpInstanceBinderTest {

    private static InetAddress ip(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    @Test
    void aMinimalInstanceTakesKeepalivedsDefaults() {
        VrrpInstance instance = valid("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.168.200.16
                    }
                }
                """).vrrpInstance("VI_1").orElseThrow();

        assertThat(instance.family()).isEqualTo(IpFamily.INET);
        assertThat(instance.priority()).isEqualTo(100);
        assertThat(instance.initialState()).isEqualTo(VrrpState.BACKUP);
        assertThat(instance.version()).isEqualTo(2);
        assertThat(instance.advertInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(instance.multicastGroup()).contains(ip("224.0.0.18"));
        assertThat(instance.unicast()).isFalse();
        assertThat(instance.accept()).isTrue();
        assertThat(instance.preempt()).isTrue();
        assertThat(instance.garp()).isEqualTo(GarpSettings.DEFAULT);
        assertThat(instance.downTimerAdverts()).isEqualTo(3);
        assertThat(instance.smtpAlert()).isFalse();
        assertThat(instance.virtualAddresses()).containsExactly(new IpAddressEntry(new IpPrefix(ip("192.168.200.16"), 32),
                Optional.empty(), Optional.empty(), AddressScope.GLOBAL, Optional.empty(), Optional.empty(), Set.of(), false,
                false, IpAddressEntry.FOREVER));
    }

    @Test
    void stateMasterWithoutPriorityOwnsTheAddresses() {
        VrrpInstance instance = valid("""
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.168.200.16
                    }
                }
                """).vrrpInstance("VI_1").orElseThrow();

        assertThat(instance.priority()).isEqualTo(255);
        assertThat(instance.addressOwner()).isTrue();
        assertThat(instance.initialState()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void everyKeywordOfAnInstanceIsBound() {
        KeepalivedConfig config = valid("""
                global_defs {
                    vrrp_garp_master_repeat 3
                    smtp_alert_vrrp on
                }
                vrrp_script chk_haproxy {
                    script "killall -0 haproxy"
                    interval 2
                    weight -4
                    fall 2
                    rise 3
                }
                track_file offset {
                    file "/run/offset"
                    weight 10 reverse
                }
                $SG_NAME=SG1
                $INST=low
                $USER=user
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    use_vmac vrrp51 00:00:5e:00:01 netlink_notify_msg
                    vmac_xmit_base
                    dont_track_primary
                    track_interface {
                        eth1 weight 20
                        eth2 weight -10 reverse
                        eth3
                    }
                    track_script {
                        chk_haproxy
                        chk_haproxy weight 6 reverse
                    }
                    track_file {
                        offset noreverse
                    }
                    unicast_src_ip 192.168.200.1
                    unicast_peer {
                        192.168.200.2
                        192.168.200.3 min_ttl 250 max_ttl 255
                    }
                    unicast_ttl 64
                    virtual_router_id 51
                    version 3
                    priority 150
                    advert_int 0.5
                    nopreempt
                    preempt_delay 4.12
                    no_accept
                    garp_master_delay 1
                    garp_master_refresh 60
                    down_timer_adverts 4
                    lower_prio_no_advert
                    v3_checksum_as_v2 false
                    notify_master "/etc/keepalived/notify_event.sh ' spaces\\\\x20f\\x69le ' '\\"s p a c e \\"' ${SG_NAME}.$INST master" $USER group
                    notify_deleted
                    notify "/etc/keepalived/notify.sh"
                    virtual_ipaddress {
                        192.168.200.16/24 brd + dev eth1 scope link label eth1:1
                        192.168.200.17 dev eth2 no_track use_vmac
                        192.168.200.18/30 brd - peer 192.168.200.30/30 -nodad noprefixroute preferred_lft 100
                    }
                    virtual_ipaddress_excluded {
                        2001:db8::1/64
                    }
                    virtual_routes {
                        192.168.110.0/24 via 192.168.200.254 dev eth1
                    }
                    virtual_rules {
                        from 192.168.2.0/24 table 1 preference 100
                    }
                }
                """);
        VrrpInstance instance = config.vrrpInstance("VI_1").orElseThrow();

        assertThat(instance.vmac()).contains(new Vmac(Optional.of("vrrp51"), Optional.of(new MacAddress(0x00005e000133L)), true,
                Optional.empty(), true, false));
        assertThat(instance.dontTrackPrimary()).isTrue();
        assertThat(instance.trackInterfaces()).containsExactly(new TrackedInterface("eth1", 20, false),
                new TrackedInterface("eth2", -10, true), new TrackedInterface("eth3", 0, false));
        assertThat(instance.trackScripts()).containsExactly(new TrackedScript("chk_haproxy", -4, false),
                new TrackedScript("chk_haproxy", 6, true));
        assertThat(instance.trackFiles()).containsExactly(new TrackedFile("offset", 10, false));
        assertThat(instance.sourceAddress()).contains(ip("192.168.200.1"));
        assertThat(instance.unicastPeers()).containsExactly(new UnicastPeer(ip("192.168.200.2"), Optional.empty(), Optional.empty()),
                new UnicastPeer(ip("192.168.200.3"), Optional.of(250), Optional.of(255)));
        assertThat(instance.unicast()).isTrue();
        assertThat(instance.multicastGroup()).isEmpty();
        assertThat(instance.checkUnicastSrc()).as("min_ttl turns the source check on").isTrue();
        assertThat(instance.unicastTtl()).isEqualTo(64);
        assertThat(instance.version()).isEqualTo(3);
        assertThat(instance.priority()).isEqualTo(150);
        assertThat(instance.advertInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(instance.preempt()).isFalse();
        assertThat(instance.preemptDelay()).isEqualTo(Duration.ofMillis(4120));
        assertThat(instance.accept()).isFalse();
        assertThat(instance.garp()).isEqualTo(new GarpSettings(Duration.ofSeconds(1), 3, Duration.ofSeconds(60), 1,
                Duration.ofSeconds(1), 3, Optional.empty()));
        assertThat(instance.downTimerAdverts()).isEqualTo(4);
        assertThat(instance.lowerPrioNoAdvert()).isTrue();
        assertThat(instance.smtpAlert()).as("smtp_alert_vrrp on").isTrue();
        Script master = instance.notifyScripts().master().orElseThrow();
        assertThat(master.argv()).as("keepalived.conf(5)'s example of quoted strings").containsExactly(
                "/etc/keepalived/notify_event.sh", " spaces\\x20file ", "\"s p a c e \"", "SG1.low", "master");
        assertThat(master.user()).contains("user");
        assertThat(master.group()).contains("group");
        assertThat(instance.notifyScripts().notifyDeleted()).isTrue();
        assertThat(instance.notifyScripts().deleted()).isEmpty();
        assertThat(instance.notifyScripts().any().orElseThrow().argv()).containsExactly("/etc/keepalived/notify.sh");
        assertThat(instance.virtualAddresses()).containsExactly(
                new IpAddressEntry(new IpPrefix(ip("192.168.200.16"), 24), Optional.of(ip("192.168.200.255")),
                        Optional.of("eth1"), AddressScope.LINK, Optional.of("eth1:1"), Optional.empty(), Set.of(), false, false,
                        IpAddressEntry.FOREVER),
                new IpAddressEntry(new IpPrefix(ip("192.168.200.17"), 32), Optional.empty(), Optional.of("eth2"),
                        AddressScope.GLOBAL, Optional.empty(), Optional.empty(), Set.of(), true, true, IpAddressEntry.FOREVER),
                new IpAddressEntry(new IpPrefix(ip("192.168.200.18"), 30), Optional.of(ip("192.168.200.16")), Optional.empty(),
                        AddressScope.GLOBAL, Optional.empty(), Optional.of(new IpPrefix(ip("192.168.200.30"), 30)),
                        Set.of(IpAddressEntry.Flag.NODAD, IpAddressEntry.Flag.NOPREFIXROUTE), false, false, 100));
        assertThat(instance.excludedAddresses()).extracting(IpAddressEntry::address)
                .containsExactly(new IpPrefix(ip("2001:db8::1"), 64));
        assertThat(instance.excludedAddresses().get(0).preferredLifetime()).isEqualTo(IpAddressEntry.FOREVER);
        assertThat(instance.virtualRoutes()).hasSize(1);
        assertThat(instance.virtualRules()).hasSize(1);
        VrrpScript script = config.vrrpScript("chk_haproxy").orElseThrow();
        assertThat(script).isEqualTo(new VrrpScript("chk_haproxy", new Script("killall -0 haproxy",
                java.util.List.of("killall", "-0", "haproxy"), Optional.empty(), Optional.empty()), Duration.ofSeconds(2),
                Duration.ofSeconds(2), -4, false, 3, 2, false));
    }

    @Test
    void anIpv6InstanceRunsVrrpv3AndItsHostAddressesAreDeprecated() {
        ConfigResult result = read("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 6
                    version 2
                    advert_int 0.255
                    virtual_ipaddress {
                        fe80::1/64
                        2001:db8::10/128
                        2001:db8::11/128 preferred_lft forever
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:1:1: warning: vrrp_instance VI_6: VRRPv2 is IPv4 only (RFC 3768); this IPv6 instance runs VRRPv3",
                "keepalived.conf:5:5: warning: vrrp_instance VI_6: advert_int 0.255 is rounded to 0.26: VRRPv3 adverts carry "
                        + "centiseconds up to 40.95");
        VrrpInstance instance = result.config().orElseThrow().vrrpInstance("VI_6").orElseThrow();
        assertThat(instance.family()).isEqualTo(IpFamily.INET6);
        assertThat(instance.version()).isEqualTo(3);
        assertThat(instance.advertInterval()).isEqualTo(Duration.ofMillis(260));
        assertThat(instance.multicastGroup()).contains(ip("ff02::12"));
        assertThat(instance.virtualAddresses()).extracting(IpAddressEntry::preferredLifetime)
                .containsExactly(IpAddressEntry.FOREVER, 0L, IpAddressEntry.FOREVER);
    }

    @Test
    void keepalivedsCorrectionsAreWarnings() {
        ConfigResult result = read("""
                vrrp_instance VI_1 {
                    state MASTER
                    nopreempt
                    interface eth0
                    virtual_router_id 51
                    advert_int 2.5
                    authentication {
                        auth_type PASS
                        auth_pass 123456789
                    }
                    virtual_ipaddress {
                        192.168.200.16
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    version 3
                    vmac_xmit_base
                    authentication {
                        auth_pass secret
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:3:5: warning: vrrp_instance VI_1: nopreempt does not work with state MASTER; preempting",
                "keepalived.conf:6:5: warning: vrrp_instance VI_1: advert_int 2.5 is rounded to 3: VRRPv2 adverts carry whole seconds",
                "keepalived.conf:9:19: warning: auth_pass: only the first 8 characters of the password are used",
                "keepalived.conf:15:1: warning: vrrp_instance VI_2: no virtual_ipaddress; give no_virtual_ipaddress if none is intended",
                "keepalived.conf:15:1: warning: vrrp_instance VI_2: vmac_xmit_base and use_vmac_addr apply with use_vmac only; "
                        + "they are ignored",
                "keepalived.conf:20:5: warning: vrrp_instance VI_2: VRRPv3 has no authentication (RFC 5798); ignoring it");
        KeepalivedConfig config = result.config().orElseThrow();
        VrrpInstance first = config.vrrpInstance("VI_1").orElseThrow();
        assertThat(first.preempt()).isTrue();
        assertThat(first.advertInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(first.authentication()).contains(new VrrpAuthentication(VrrpAuthentication.Type.PASS, "12345678"));
        assertThat(config.vrrpInstance("VI_2").orElseThrow().authentication()).isEmpty();
    }

    @Test
    void whatKeepalivedRefusesIsAnError() {
        ConfigResult result = read("""
                vrrp_instance VI_1 {
                    virtual_router_id 51
                    authentication {
                        auth_type AH
                    }
                    mcast_dst_ip 192.0.2.1
                    virtual_ipaddress {
                        192.168.200.16
                        2001:db8::1
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_ipaddress {
                        192.168.200.17
                    }
                }
                vrrp_instance VI_3 {
                    interface eth0
                    virtual_router_id 51
                    track_script {
                        chk_missing
                    }
                    track_file {
                        no_such_file weight 300
                    }
                    virtual_ipaddress {
                        192.168.200.18
                    }
                }
                vrrp_instance VI_4 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.168.200.19
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:1:1: error: vrrp_instance VI_1: interface is missing; only a unicast instance may go without one",
                "keepalived.conf:6:18: error: vrrp_instance VI_1: mcast_dst_ip 192.0.2.1 is not an IPv4 multicast address",
                "keepalived.conf:9:9: error: vrrp_instance VI_1: 2001:db8::1/128 is not IPv4 like the first virtual address; "
                        + "put addresses of the other family in virtual_ipaddress_excluded",
                "keepalived.conf:12:1: error: vrrp_instance VI_2: virtual_router_id is missing; expected virtual_router_id <1-255>",
                "keepalived.conf:22:9: error: track_script: no vrrp_script named 'chk_missing'",
                "keepalived.conf:25:29: error: track_file: '300' is not valid; expected an integer from -254 to 254",
                "keepalived.conf:31:1: error: vrrp_instance VI_4: VRID 51 is already used by vrrp_instance VI_3 on eth0 for IPv4");
        assertThat(result.config()).isEmpty();
    }

    @Test
    void strictModeAcceptsOnlyAsAddressOwnerAndSendsNoAdvertToLowerPriorities() {
        KeepalivedConfig config = valid("""
                global_defs {
                    vrrp_strict
                }
                vrrp_instance backup {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance owner {
                    interface eth0
                    virtual_router_id 2
                    priority 255
                    virtual_ipaddress {
                        192.0.2.2
                    }
                }
                vrrp_instance relaxed {
                    interface eth0
                    virtual_router_id 3
                    strict_mode off
                    virtual_ipaddress {
                        192.0.2.3
                    }
                }
                """);

        assertThat(config.vrrpInstances()).extracting(VrrpInstance::strictMode).containsExactly(true, true, false);
        assertThat(config.vrrpInstances()).extracting(VrrpInstance::accept).containsExactly(false, true, true);
        assertThat(config.vrrpInstances()).extracting(VrrpInstance::lowerPrioNoAdvert).containsExactly(true, true, false);
    }

    @Test
    void strictModeTurnsOffWhatTheRfcsDoNotAllowAndSaysSo() {
        ConfigResult result = read("""
                global_defs {
                    vrrp_strict
                }
                vrrp_instance backup {
                    state MASTER
                    priority 100
                    interface eth0
                    use_vmac
                    vmac_xmit_base
                    virtual_router_id 1
                    authentication {
                        auth_type PASS
                        auth_pass secret
                    }
                    accept
                    preempt_delay 5
                    garp_lower_prio_repeat 3
                    lower_prio_no_advert false
                    higher_prio_send_advert
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance owner {
                    state BACKUP
                    interface eth0
                    virtual_router_id 2
                    priority 255
                    virtual_ipaddress {
                        192.0.2.2
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode starts only the address owner "
                        + "(priority 255) as MASTER; state is BACKUP",
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode does not allow preempt_delay; preempting at once",
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode does not allow accept in VRRPv2 (RFC 3768) "
                        + "but for the address owner; no_accept",
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode sends no gratuitous ARP after a lower "
                        + "priority advert; garp_lower_prio_repeat and garp_lower_prio_delay are ignored",
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode sends no advert in answer to a lower "
                        + "priority; lower_prio_no_advert is on",
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode does not allow higher_prio_send_advert; it is off",
                "keepalived.conf:4:1: warning: vrrp_instance backup: strict_mode sends adverts from the VMAC; "
                        + "vmac_xmit_base is ignored",
                "keepalived.conf:11:5: warning: vrrp_instance backup: strict_mode does not allow authentication; "
                        + "adverts go unauthenticated",
                "keepalived.conf:24:1: warning: vrrp_instance owner: strict_mode starts only the address owner "
                        + "(priority 255) as MASTER; state is MASTER");
        KeepalivedConfig config = result.config().orElseThrow();
        VrrpInstance backup = config.vrrpInstance("backup").orElseThrow();
        assertThat(backup.authentication()).isEmpty();
        assertThat(backup.initialState()).isEqualTo(VrrpState.BACKUP);
        assertThat(backup.preemptDelay()).isZero();
        assertThat(backup.accept()).isFalse();
        assertThat(backup.garp().lowerPrioRepeat()).isZero();
        assertThat(backup.lowerPrioNoAdvert()).isTrue();
        assertThat(backup.higherPrioSendAdvert()).isFalse();
        assertThat(backup.vmac().orElseThrow().xmitBase()).isFalse();
        assertThat(backup.ownerIgnoreAdverts()).isFalse();
        VrrpInstance owner = config.vrrpInstance("owner").orElseThrow();
        assertThat(owner.initialState()).isEqualTo(VrrpState.MASTER);
        assertThat(owner.ownerIgnoreAdverts()).isTrue();
    }

    @Test
    void strictModeRefusesUnicastPeersAndInstancesWithoutAddresses() {
        ConfigResult result = read("""
                vrrp_instance unicast {
                    strict_mode
                    interface eth0
                    virtual_router_id 1
                    unicast_peer {
                        192.0.2.10
                    }
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance empty {
                    strict_mode on
                    interface eth0
                    virtual_router_id 2
                    no_virtual_ipaddress
                }
                vrrp_instance global6 {
                    strict_mode
                    interface eth0
                    virtual_router_id 3
                    virtual_ipaddress {
                        2001:db8::1
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:6:9: error: vrrp_instance unicast: strict_mode does not allow unicast_peer: "
                        + "VRRP adverts go to the multicast group",
                "keepalived.conf:12:1: error: vrrp_instance empty: strict_mode needs at least one address in virtual_ipaddress",
                "keepalived.conf:23:9: warning: vrrp_instance global6: strict_mode expects the first IPv6 virtual address "
                        + "to be link-local (RFC 5798 section 5.2.9)");
        assertThat(result.config()).isEmpty();
    }

    @Test
    void syncGroupsNameTheirInstancesAndTheirMembersTrackWithoutWeights() {
        ConfigResult result = read("""
                vrrp_script chk {
                    script /bin/true
                    weight 10
                }
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                        VI_9
                    }
                    track_interface {
                        eth9 weight 5
                    }
                    notify_master "/bin/true arg1 arg2"
                }
                vrrp_sync_group G2 {
                    group {
                        VI_2
                    }
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    track_interface {
                        eth1 weight 3
                    }
                    track_script {
                        chk
                    }
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 2
                    virtual_ipaddress {
                        192.0.2.2
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:9:9: error: vrrp_sync_group G1: no vrrp_instance named 'VI_9'",
                "keepalived.conf:16:1: warning: vrrp_sync_group G2 has 1 instance; a sync group moves several together",
                "keepalived.conf:18:9: error: vrrp_sync_group G2: vrrp_instance VI_2 is already a member of vrrp_sync_group G1",
                "keepalived.conf:21:1: warning: vrrp_instance VI_1: the weight of track_interface eth1 is ignored in "
                        + "vrrp_sync_group G1 (add sync_group_tracking_weight to keep it)",
                "keepalived.conf:21:1: warning: vrrp_instance VI_1: track_script chk has a weight and is ignored in "
                        + "vrrp_sync_group G1 (add sync_group_tracking_weight to keep it)");
    }

    @Test
    void aValidSyncGroupIsBound() {
        VrrpSyncGroup group = valid("""
                vrrp_sync_group G1 {
                    group {
                        VI_1 VI_2
                    }
                    track_interface {
                        eth9 weight 5
                    }
                    notify_fault "/usr/local/bin/vrrp.fault arg1"
                    smtp_alert
                    sync_group_tracking_weight
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    track_interface {
                        eth1 weight 3
                    }
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 2
                    virtual_ipaddress {
                        192.0.2.2
                    }
                }
                """).syncGroup("G1").orElseThrow();

        assertThat(group.instances()).containsExactly("VI_1", "VI_2");
        assertThat(group.trackInterfaces()).containsExactly(new TrackedInterface("eth9", 5, false));
        assertThat(group.notifyScripts().fault().orElseThrow().argv()).containsExactly("/usr/local/bin/vrrp.fault", "arg1");
        assertThat(group.smtpAlert()).isTrue();
        assertThat(group.trackingWeight()).isTrue();
    }
}
