package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.testing.netns.KeepalivedPeer;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.net.PacketCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * use_vmac on two routers in namespaces: the master's VMAC is a private macvlan with the virtual
 * router MAC address that holds the virtual addresses, its adverts leave with that address as
 * their Ethernet source (or the base interface's with vmac_xmit_base), the VMAC goes when the
 * instance stops, and jkeepalived shares a VMAC group with Debian's keepalived.
 */
class VmacNamespaceTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);
    private static final byte[] VIRTUAL_MAC = {0x00, 0x00, 0x5e, 0x00, 0x01, 0x33};
    private static final byte[] VIRTUAL_MAC_IPV6 = {0x00, 0x00, 0x5e, 0x00, 0x02, 0x33};
    /** 2001:db8::100 */
    private static final byte[] VIRTUAL_IPV6 = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00};
    private static final int PROTOCOL_VRRP = 112;

    private final EventLoopsComponent loops = new EventLoopsComponent();
    private BridgedPair pair;
    private NetworkNamespace a;
    private NetworkNamespace b;
    private RuntimeRouter first;
    private RuntimeRouter second;

    @TempDir
    Path directory;

    @BeforeEach
    void segment() {
        // link-local addresses are usable at once, as the IPv6 instance needs one to send from
        pair = BridgedPair.create(router -> {
            router.execOrFail("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
            router.execOrFail("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        });
        a = pair.a;
        b = pair.b;
    }

    @AfterEach
    void tearDown() {
        for (RuntimeRouter router : new RuntimeRouter[] {first, second}) {
            if (router != null) {
                router.close();
            }
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void theMastersVmacCarriesTheAddressesAndItsAdvertsAndGoesWhenTheInstanceStops() throws Exception {
        first = new RuntimeRouter(a, loops);
        second = new RuntimeRouter(b, loops);
        // the backup's side of the wire
        PacketCapture capture = b.call(() -> PacketCapture.open("eth0"));
        first.apply(config(150, ""));
        second.apply(config(100, ""));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_1").state() == VrrpState.BACKUP);

        String link = a.execOrFail("ip", "-d", "link", "show", "vrrp.51");
        assertThat(link).contains("link/ether 00:00:5e:00:01:33").contains("macvlan mode private")
                .contains("vrrp.51@eth0").contains("state UP");
        await().atMost(TAKEOVER).until(() -> a.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")
                .contains(" 192.0.2.100/32 "));
        assertThat(a.execOrFail("ip", "-o", "addr", "show", "dev", "eth0")).doesNotContain("192.0.2.100");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.arp_ignore")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.accept_local")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.vrrp/51.rp_filter")).isEqualTo("0");
        assertThat(sysctl(a, "net.ipv6.conf.vrrp/51.disable_ipv6")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.eth0.arp_ignore")).isEqualTo("1");
        assertThat(sysctl(a, "net.ipv4.conf.eth0.arp_filter")).isEqualTo("1");
        // the backup made its VMAC too, without the addresses
        assertThat(b.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")).doesNotContain("192.0.2.100");

        // adverts and gratuitous ARP come from the virtual router MAC address, which the ARP moves the address to
        try (capture) {
            List<byte[]> arps = capture.incoming(VmacNamespaceTest::isGratuitousArpFor100, 1, 10_000);
            assertThat(arps).hasSize(1);
            assertThat(source(arps.get(0))).isEqualTo(VIRTUAL_MAC);
            assertThat(Arrays.copyOfRange(arps.get(0), 22, 28)).isEqualTo(VIRTUAL_MAC);
            List<byte[]> adverts = capture.incoming(VmacNamespaceTest::isVrrp, 2, 5_000);
            assertThat(adverts).hasSize(2).allSatisfy(frame -> assertThat(source(frame)).isEqualTo(VIRTUAL_MAC));
        }

        first.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> second.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(a.exec("ip", "link", "show", "vrrp.51").succeeded()).isFalse();
        assertThat(sysctl(a, "net.ipv4.conf.eth0.arp_ignore")).isEqualTo("0");
        assertThat(sysctl(a, "net.ipv4.conf.eth0.arp_filter")).isEqualTo("0");
        await().atMost(TAKEOVER).until(() -> b.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")
                .contains(" 192.0.2.100/32 "));
    }

    @Test
    void withVmacXmitBaseAdvertsLeaveFromTheBaseInterfaceAndTheAddressesStayOnTheVmac() throws Exception {
        first = new RuntimeRouter(a, loops);
        first.apply(config(150, "vmac_xmit_base"));
        await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);
        await().atMost(TAKEOVER).until(() -> a.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")
                .contains(" 192.0.2.100/32 "));
        byte[] baseMac = mac(a.execOrFail("cat", "/sys/class/net/eth0/address").trim());

        List<byte[]> adverts;
        try (PacketCapture capture = b.call(() -> PacketCapture.open("eth0"))) {
            adverts = capture.incoming(VmacNamespaceTest::isVrrp, 2, 5_000);
        }
        assertThat(adverts).hasSize(2).allSatisfy(frame -> assertThat(source(frame)).isEqualTo(baseMac));
    }

    @Test
    void garpExtraIfRefreshesTheVmacWhenItsAdvertsLeaveFromTheBaseInterfaceOnly() throws Exception {
        String garp = "garp_extra_if 1\n    garp_master_delay 0\n    garp_master_repeat 1\n";
        // the adverts leave from eth0: nothing keeps the VMAC's address in the switches but the refreshes
        first = new RuntimeRouter(a, loops);
        try (PacketCapture capture = b.call(() -> PacketCapture.open("eth0"))) {
            first.apply(config(150, "vmac_xmit_base\n    " + garp));
            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);

            List<byte[]> arps = capture.incoming(VmacNamespaceTest::isGratuitousArpFor100, 100, 3_600);
            assertThat(arps).as("the burst and a refresh a second").hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(frame -> assertThat(source(frame)).isEqualTo(VIRTUAL_MAC));
        }
        first.close();

        // the adverts leave from the VMAC and keep its address: the burst only
        first = new RuntimeRouter(a, loops);
        try (PacketCapture capture = b.call(() -> PacketCapture.open("eth0"))) {
            first.apply(config(150, garp));
            await().atMost(TAKEOVER).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);

            assertThat(capture.incoming(VmacNamespaceTest::isGratuitousArpFor100, 100, 3_600)).as("the burst").hasSize(1);
        }
    }

    @Test
    void anIpv6InstancesVmacHasTheIpv6VirtualRouterMacAddressAndSendsFromTheBaseLinkLocalAddress() throws Exception {
        first = new RuntimeRouter(a, loops);
        String baseLinkLocal = linkLocal(a, "eth0");
        try (PacketCapture capture = b.call(() -> PacketCapture.open("eth0"))) {
            first.apply("""
                    vrrp_instance VI_6 {
                        state BACKUP
                        interface eth0
                        use_vmac
                        virtual_router_id 51
                        priority 150
                        advert_int 1
                        virtual_ipaddress {
                            2001:db8::100/64
                        }
                    }
                    """);
            await().atMost(TAKEOVER).until(() -> first.instance("VI_6").state() == VrrpState.MASTER);

            assertThat(a.execOrFail("ip", "-d", "link", "show", "vrrp.51"))
                    .contains("link/ether 00:00:5e:00:02:33").contains("macvlan mode private");
            await().atMost(TAKEOVER).until(() -> a.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")
                    .contains(" 2001:db8::100/64 "));
            // not the link-local address made from the virtual MAC address, which every router of the group would have
            assertThat(linkLocal(a, "vrrp.51")).isEqualTo(baseLinkLocal);

            byte[] sourceAddress = InetAddress.getByName(baseLinkLocal).getAddress();
            List<byte[]> adverts = capture.incoming(VmacNamespaceTest::isVrrpIpv6, 2, 5_000);
            assertThat(adverts).hasSize(2).allSatisfy(frame -> {
                assertThat(source(frame)).isEqualTo(VIRTUAL_MAC_IPV6);
                assertThat(Arrays.copyOfRange(frame, 22, 38)).isEqualTo(sourceAddress);
            });
            List<byte[]> advertisements = capture.incoming(VmacNamespaceTest::isNeighbourAdvertisement, 1, 5_000);
            assertThat(advertisements).hasSize(1);
            assertThat(source(advertisements.get(0))).isEqualTo(VIRTUAL_MAC_IPV6);
        }

        first.stop();
        assertThat(a.exec("ip", "link", "show", "vrrp.51").succeeded()).isFalse();
    }

    @Test
    void keepalivedAndJkeepalivedWithVmacsAreMasterInTurn() throws Exception {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed");
        second = new RuntimeRouter(b, loops);
        // keepalived master, jkeepalived backup
        try (KeepalivedPeer keepalived = KeepalivedPeer.start(a, directory, keepalivedConfig(150))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> keepalived.lastEntered("MASTER"));
            second.apply(config(100, ""));
            await().atMost(TAKEOVER).until(() -> second.instance("VI_1").advertsReceived() > 0);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
                    .until(() -> second.instance("VI_1").state() == VrrpState.BACKUP && keepalived.lastEntered("MASTER"));
            assertThat(second.instance("VI_1").drops()).isEmpty();
            assertThat(second.instance("VI_1").advertsReceived()).isGreaterThanOrEqualTo(3);
            assertThat(a.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")).contains(" 192.0.2.100/32 ");
            // the group is one VMAC group: keepalived's adverts come from the same address
            try (PacketCapture capture = b.call(() -> PacketCapture.open("eth0"))) {
                assertThat(capture.incoming(VmacNamespaceTest::isVrrp, 2, 5_000))
                        .hasSize(2).allSatisfy(frame -> assertThat(source(frame)).isEqualTo(VIRTUAL_MAC));
            }

            keepalived.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> second.instance("VI_1").state() == VrrpState.MASTER);
            await().atMost(TAKEOVER).until(() -> b.execOrFail("ip", "-o", "addr", "show", "dev", "vrrp.51")
                    .contains(" 192.0.2.100/32 "));
        }
        // jkeepalived master, keepalived backup, then jkeepalived stops
        try (KeepalivedPeer keepalived = KeepalivedPeer.start(a, directory, keepalivedConfig(50))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> keepalived.lastEntered("BACKUP"));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> keepalived.lastEntered("BACKUP") && second.instance("VI_1").state() == VrrpState.MASTER);
            assertThat(keepalived.log()).doesNotContain("Entering MASTER STATE");
            // keepalived's side of the wire sees jkeepalived's adverts come from the virtual router MAC address
            try (PacketCapture capture = a.call(() -> PacketCapture.open("eth0"))) {
                assertThat(capture.incoming(VmacNamespaceTest::isVrrp, 2, 5_000))
                        .hasSize(2).allSatisfy(frame -> assertThat(source(frame)).isEqualTo(VIRTUAL_MAC));
            }

            second.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> keepalived.lastEntered("MASTER"));
            assertThat(keepalived.log()).contains("Backup received priority 0 advertisement");
            assertThat(b.exec("ip", "link", "show", "vrrp.51").succeeded()).isFalse();
        }
    }

    private static boolean isVrrp(byte[] frame) {
        return frame.length > 34 && frame[12] == 0x08 && frame[13] == 0x00 && (frame[23] & 0xff) == PROTOCOL_VRRP;
    }

    private static boolean isVrrpIpv6(byte[] frame) {
        return frame.length > 54 && frame[12] == (byte) 0x86 && frame[13] == (byte) 0xdd && (frame[20] & 0xff) == PROTOCOL_VRRP;
    }

    /** An ICMPv6 neighbour advertisement (RFC 4861 section 4.4) whose target is 2001:db8::100. */
    private static boolean isNeighbourAdvertisement(byte[] frame) {
        return frame.length >= 78 && frame[12] == (byte) 0x86 && frame[13] == (byte) 0xdd && frame[20] == 58
                && (frame[54] & 0xff) == 136 && Arrays.equals(Arrays.copyOfRange(frame, 62, 78), VIRTUAL_IPV6);
    }

    private static String linkLocal(NetworkNamespace namespace, String device) {
        String shown = namespace.execOrFail("ip", "-6", "-o", "addr", "show", "dev", device, "scope", "link");
        Matcher matcher = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64").matcher(shown);
        assertThat(matcher.find()).as(device + " has a link-local address: " + shown).isTrue();
        return matcher.group(1);
    }

    /** An ARP whose sender is 192.0.2.100. */
    private static boolean isGratuitousArpFor100(byte[] frame) {
        return frame.length >= 42 && frame[12] == 0x08 && frame[13] == 0x06
                && Arrays.equals(Arrays.copyOfRange(frame, 28, 32), new byte[] {(byte) 192, 0, 2, 100});
    }

    private static byte[] source(byte[] frame) {
        return Arrays.copyOfRange(frame, 6, 12);
    }

    private static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    private static String sysctl(NetworkNamespace namespace, String name) {
        return namespace.execOrFail("sysctl", "-n", name).trim();
    }

    private static String config(int priority, String vmacOption) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    use_vmac
                    %s
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100
                    }
                }
                """.formatted(vmacOption, priority);
    }

    private static String keepalivedConfig(int priority) {
        return "global_defs {\n    router_id keepalived_peer\n}\n" + config(priority, "");
    }
}
