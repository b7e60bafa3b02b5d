package org.jkeepalived.vrrp.internal.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.internal.codec.AdvertisementWriter;
import org.jkeepalived.vrrp.internal.codec.InternetChecksum;
import org.jkeepalived.vrrp.internal.codec.Ipv4Header;
import org.jkeepalived.vrrp.internal.codec.Ipv6Header;
import org.jkeepalived.vrrp.internal.link.Ethernet;
import org.jkeepalived.vrrp.internal.link.GratuitousArp;
import org.jkeepalived.vrrp.internal.link.UnsolicitedNeighbourAdvert;
import org.jkeepalived.vrrp.internal.net.InterfaceInfo;
import org.jkeepalived.vrrp.internal.net.PacketCapture;
import org.jkeepalived.vrrp.internal.settings.AnnouncementSpacing;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.junit.jupiter.api.Test;

/**
 * What a master puts on the wire, captured on another host of the segment and compared with the
 * layout of the golden vectors: Ethernet group addresses, TOS/traffic class 0xc0, TTL/hop limit 255,
 * protocol 112, checksums, one advert per interval; and its gratuitous ARPs and neighbour
 * advertisements.
 */
class WireFormatNamespaceTest {

    private static final EventLoopsComponent LOOPS = new EventLoopsComponent();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void vrrpV2AdvertsMatchTheGoldenLayout() throws Exception {
        checkIpv4Adverts(TestSettings.v2().priority(255).startAsMaster(true).build());
    }

    @Test
    void vrrpV3Ipv4AdvertsMatchTheGoldenLayout() throws Exception {
        checkIpv4Adverts(TestSettings.v3().priority(255).startAsMaster(true).build());
    }

    @Test
    void vrrpV3ChecksumAsV2AdvertsMatchTheGoldenLayout() throws Exception {
        checkIpv4Adverts(TestSettings.v3().v3ChecksumAsV2(true).priority(255).startAsMaster(true).build());
    }

    @Test
    void vrrpV3Ipv6AdvertsMatchTheGoldenLayout() throws Exception {
        try (Lab lab = Lab.of(2, LOOPS)) {
            VrrpSettings settings = TestSettings.v3Ipv6().priority(255).startAsMaster(true).build();
            InterfaceInfo sender = lab.host(0).onLoop(() -> InterfaceInfo.lookup("eth0"));
            Inet6Address source = sender.linkLocalIpv6().orElseThrow();
            try (PacketCapture capture = capture(lab.namespaces.get(1))) {
                lab.host(0).start(settings);
                List<byte[]> frames = capture.incoming(isVrrp(Ethernet.ETHERTYPE_IPV6), 3, 5000);

                assertThat(frames).hasSize(3);
                AdvertisementWriter writer = AdvertisementWriter.create(settings.advertisement(), source,
                        settings.destinations(), settings.checksumRule(), null, 255);
                ByteBuffer expectedMessage = ByteBuffer.allocate(writer.length());
                writer.write(expectedMessage, 255, 0, 0);
                for (byte[] frame : frames) {
                    ByteBuffer wire = ByteBuffer.wrap(frame);
                    assertThat(hex(frame, 0, 6)).isEqualTo("333300000012");
                    assertThat(hex(frame, 6, 12)).isEqualTo(HEX.formatHex(sender.mac().octets()));
                    assertThat(wire.getInt(14) >>> 20).as("version and traffic class").isEqualTo(0x6c0);
                    assertThat(wire.getShort(18)).isEqualTo((short) writer.length());
                    assertThat(frame[20] & 0xff).as("next header").isEqualTo(112);
                    assertThat(frame[21] & 0xff).as("hop limit").isEqualTo(255);
                    assertThat(hex(frame, 22, 38)).isEqualTo(HEX.formatHex(source.getAddress()));
                    assertThat(hex(frame, 38, 54)).isEqualTo("ff020000000000000000000000000012");
                    // the kernel computed the checksum with IPV6_CHECKSUM: the same as ours, pseudo-header included
                    assertThat(hex(frame, 54, frame.length)).isEqualTo(HEX.formatHex(expectedMessage.array()));
                }
            }
        }
    }

    @Test
    void gratuitousArpsAnnounceTheAddressesInBursts() throws Exception {
        GarpSettings garp = new GarpSettings(Duration.ofSeconds(1), 2, Duration.ZERO, 1, Duration.ZERO, 0, Optional.empty());
        List<InetAddress> vips = List.of(TestSettings.address("192.0.2.100"), TestSettings.address("192.0.2.101"));
        try (Lab lab = Lab.of(2, LOOPS)) {
            InterfaceInfo sender = lab.host(0).onLoop(() -> InterfaceInfo.lookup("eth0"));
            try (PacketCapture capture = capture(lab.namespaces.get(1))) {
                lab.host(0).start(TestSettings.v2().priority(255).startAsMaster(true).virtualAddresses(vips).garp(garp).build());
                long started = System.nanoTime();
                List<byte[]> first = capture.incoming(isArp(), 4, 900);
                List<byte[]> second = capture.incoming(isArp(), 4, 3000);
                long secondAt = System.nanoTime() - started;

                // garp_master_repeat 2 rounds of one ARP per address, and again garp_master_delay later
                assertThat(first).hasSize(4);
                assertThat(second).hasSize(4);
                assertThat(secondAt).isGreaterThan(900_000_000L);
                for (List<byte[]> burst : List.of(first, second)) {
                    assertThat(burst.stream().map(HEX::formatHex)).containsExactly(
                            garpFrame(sender, vips.get(0)), garpFrame(sender, vips.get(1)),
                            garpFrame(sender, vips.get(0)), garpFrame(sender, vips.get(1)));
                }
                assertThat(hex(first.get(0), 0, 12)).isEqualTo("ffffffffffff" + HEX.formatHex(sender.mac().octets()));
            }
        }
    }

    @Test
    void vrrpGarpIntervalSpacesTheArpsOfAllInstancesOfAnInterface() throws Exception {
        GarpSettings garp = new GarpSettings(Duration.ZERO, 2, Duration.ZERO, 1, Duration.ZERO, 0, Optional.empty());
        AnnouncementSpacing spacing = AnnouncementSpacing.of(Duration.ofMillis(150), Duration.ZERO, List.of());
        try (Lab lab = Lab.of(2, LOOPS)) {
            try (PacketCapture capture = capture(lab.namespaces.get(1))) {
                lab.host(0).start(TestSettings.v2().name("VI_1").virtualRouterId(51).priority(255).startAsMaster(true)
                        .virtualAddresses(List.of(TestSettings.address("192.0.2.100"))).garp(garp).announcementSpacing(spacing).build());
                lab.host(0).start(TestSettings.v2().name("VI_2").virtualRouterId(52).priority(255).startAsMaster(true)
                        .virtualAddresses(List.of(TestSettings.address("192.0.2.102"))).garp(garp).announcementSpacing(spacing).build());
                List<PacketCapture.Received> arps = capture.incomingTimed(isArp(), 4, 5000);

                // garp_master_repeat 2 of each instance: four ARPs, spaced by vrrp_garp_interval; the receiver's clock adds
                // its softirq's delay, which reached 12 ms on a loaded machine, to one arrival and not the next
                assertThat(arps).hasSize(4);
                for (int i = 1; i < arps.size(); i++) {
                    assertThat(arps.get(i).receivedNanos() - arps.get(i - 1).receivedNanos()).as("gap before ARP %d", i)
                            .isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
                }
            }
        }
    }

    @Test
    void neighbourAdvertisementsAnnounceIpv6Addresses() throws Exception {
        GarpSettings garp = new GarpSettings(Duration.ZERO, 1, Duration.ZERO, 1, Duration.ZERO, 0, Optional.empty());
        Inet6Address vip = (Inet6Address) TestSettings.address("fe80::100");
        try (Lab lab = Lab.of(2, LOOPS)) {
            InterfaceInfo sender = lab.host(0).onLoop(() -> InterfaceInfo.lookup("eth0"));
            try (PacketCapture capture = capture(lab.namespaces.get(1))) {
                lab.host(0).start(TestSettings.v3Ipv6().priority(255).startAsMaster(true).garp(garp).build());
                List<byte[]> frames = capture.incoming(isNeighbourAdvert(), 1, 3000);

                assertThat(frames).hasSize(1);
                byte[] frame = frames.get(0);
                ByteBuffer expected = ByteBuffer.allocate(UnsolicitedNeighbourAdvert.LENGTH);
                UnsolicitedNeighbourAdvert.write(expected, 0, sender.mac(), vip, false);
                assertThat(HEX.formatHex(frame)).isEqualTo(HEX.formatHex(expected.array()));
                assertThat(hex(frame, 0, 6)).isEqualTo("333300000001");
                assertThat(frame[21] & 0xff).as("hop limit").isEqualTo(255);
                assertThat(frame[54 + 4] & 0xff).as("flags: Override").isEqualTo(0x20);
                long sum = InternetChecksum.pseudoHeader(vip.getAddress(), Arrays.copyOfRange(frame, 38, 54), 58, 32);
                assertThat(InternetChecksum.finish(InternetChecksum.add(sum, ByteBuffer.wrap(frame), 54, 32))).isZero();
            }
        }
    }

    private static void checkIpv4Adverts(VrrpSettings settings) throws Exception {
        try (Lab lab = Lab.of(2, LOOPS)) {
            InterfaceInfo sender = lab.host(0).onLoop(() -> InterfaceInfo.lookup("eth0"));
            Inet4Address source = sender.primaryIpv4().orElseThrow();
            try (PacketCapture capture = capture(lab.namespaces.get(1))) {
                lab.host(0).start(settings);
                long[] arrivals = new long[3];
                List<byte[]> frames = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    frames.addAll(capture.incoming(isVrrp(Ethernet.ETHERTYPE_IPV4), 1, 3000));
                    arrivals[i] = System.nanoTime();
                }

                assertThat(frames).hasSize(3);
                AdvertisementWriter writer = AdvertisementWriter.create(settings.advertisement(), source,
                        settings.destinations(), settings.checksumRule(), settings.multicastGroup(), 255);
                int firstId = ByteBuffer.wrap(frames.get(0)).getShort(14 + 4) & 0xffff;
                for (int i = 0; i < frames.size(); i++) {
                    byte[] frame = frames.get(i);
                    assertThat(hex(frame, 0, 6)).isEqualTo("01005e000012");
                    assertThat(hex(frame, 6, 12)).isEqualTo(HEX.formatHex(sender.mac().octets()));
                    ByteBuffer expected = ByteBuffer.allocate(writer.length());
                    writer.write(expected, 255, 0, (firstId + i) & 0xffff);
                    // TOS 0xc0, TTL 255, protocol 112, our identification counting up, both checksums
                    assertThat(hex(frame, 14, frame.length)).isEqualTo(HEX.formatHex(expected.array()));
                    assertThat(InternetChecksum.finish(InternetChecksum.add(0, ByteBuffer.wrap(frame), 14, Ipv4Header.LENGTH))).isZero();
                }
                // one advert per interval, on absolute deadlines
                assertThat((arrivals[2] - arrivals[0]) / 2).isBetween(850_000_000L, 1_150_000_000L);
            }
        }
    }

    private static PacketCapture capture(NetworkNamespace namespace) throws Exception {
        return CompletableFuture.supplyAsync(() -> PacketCapture.open("eth0"),
                runnable -> namespace.threadFactory("capture").newThread(runnable).start()).get();
    }

    private static Predicate<byte[]> isVrrp(int etherType) {
        return frame -> frame.length > 34 && (ByteBuffer.wrap(frame).getShort(12) & 0xffff) == etherType
                && (frame[etherType == Ethernet.ETHERTYPE_IPV4 ? 23 : 20] & 0xff) == Ipv4Header.PROTOCOL_VRRP;
    }

    private static Predicate<byte[]> isArp() {
        return frame -> frame.length >= GratuitousArp.LENGTH
                && (ByteBuffer.wrap(frame).getShort(12) & 0xffff) == Ethernet.ETHERTYPE_ARP;
    }

    private static Predicate<byte[]> isNeighbourAdvert() {
        return frame -> frame.length >= UnsolicitedNeighbourAdvert.LENGTH
                && (ByteBuffer.wrap(frame).getShort(12) & 0xffff) == Ethernet.ETHERTYPE_IPV6
                && (frame[20] & 0xff) == 58 && (frame[Ethernet.HEADER_LENGTH + Ipv6Header.LENGTH] & 0xff) == 136;
    }

    private static String garpFrame(InterfaceInfo sender, InetAddress address) {
        ByteBuffer frame = ByteBuffer.allocate(GratuitousArp.LENGTH);
        GratuitousArp.write(frame, 0, sender.mac(), (Inet4Address) address);
        return HEX.formatHex(frame.array());
    }

    private static String hex(byte[] bytes, int from, int to) {
        return HEX.formatHex(bytes, from, to);
    }
}
