package org.jkeepalived.vrrp.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.vrrp.internal.link.Ethernet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every golden vector encoded byte for byte, as the VRRP message and as the whole frame, and decoded
 * back through the checks a receiving instance makes.
 */
class AdvertisementGoldenTest {

    private static final InetAddress GROUP4 = address("224.0.0.18");
    private static final InetAddress GROUP6 = address("ff02::12");
    private static final InetAddress SOURCE4 = address("192.168.200.1");
    private static final InetAddress PEER4 = address("192.168.200.2");
    private static final InetAddress SOURCE6 = address("fe80::1");
    private static final MacAddress VMAC4 = Ethernet.virtualRouterMac(IpFamily.INET, 51);
    private static final MacAddress VMAC6 = Ethernet.virtualRouterMac(IpFamily.INET6, 51);

    private static Map<String, GoldenVectors.Vector> vectors;

    @BeforeAll
    static void load() throws Exception {
        vectors = GoldenVectors.load();
    }

    @Test
    void v2WithoutAuthenticationAndTwoAddresses() {
        Advertisement advert = v2(AuthType.NONE, 0, "192.168.200.16", "192.168.200.17");
        checkIpv4("v2_ipv4_noauth_vrid51_prio100_int1s_2vips", advert, List.of(GROUP4), ChecksumRule.MESSAGE, 1,
                Ethernet.ipv4Multicast(GROUP4.getAddress()), VMAC4);
    }

    @Test
    void v2WithPassword() {
        Advertisement advert = v2(AuthType.PASS, AuthType.passwordData("1111"), "192.168.200.16");
        checkIpv4("v2_ipv4_pass1111_vrid51_prio100_int1s", advert, List.of(GROUP4), ChecksumRule.MESSAGE, 2,
                Ethernet.ipv4Multicast(GROUP4.getAddress()), VMAC4);
    }

    @Test
    void v2PriorityZeroOnShutdown() {
        Advertisement advert = v2(AuthType.NONE, 0, "192.168.200.16").withPriority(0);
        checkIpv4("v2_ipv4_prio0_shutdown", advert, List.of(GROUP4), ChecksumRule.MESSAGE, 3,
                Ethernet.ipv4Multicast(GROUP4.getAddress()), VMAC4);
    }

    @Test
    void v3Ipv4MulticastWithPseudoHeader() {
        checkIpv4("v3_ipv4_mcast_pseudohdr_vrid51_prio100_100cs", v3("192.168.200.16"), List.of(GROUP4),
                ChecksumRule.PSEUDO_HEADER, 4, Ethernet.ipv4Multicast(GROUP4.getAddress()), VMAC4);
    }

    @Test
    void v3Ipv4ChecksumAsV2() {
        checkIpv4("v3_ipv4_mcast_nopseudohdr_v3_checksum_as_v2", v3("192.168.200.16"), List.of(GROUP4),
                ChecksumRule.MESSAGE, 5, Ethernet.ipv4Multicast(GROUP4.getAddress()), VMAC4);
    }

    @Test
    void v3Ipv4UnicastWithThePeerInThePseudoHeader() {
        checkIpv4("v3_ipv4_unicast_peer_pseudohdr_realdst", v3("192.168.200.16"), List.of(PEER4),
                ChecksumRule.PSEUDO_HEADER, 6, new MacAddress(0x5254_0000_0002L), new MacAddress(0x5254_0000_0001L));
    }

    @Test
    void v3Ipv6WithTwoAddresses() {
        GoldenVectors.Vector vector = vectors.get("v3_ipv6_vrid51_prio100_100cs_2vips");
        Advertisement advert = new Advertisement(IpFamily.INET6, VrrpVersion.V3, 51, 100, 100, AuthType.NONE, 0,
                List.of(address("fe80::10"), address("2001:db8::10")));
        AdvertisementWriter writer = AdvertisementWriter.create(advert, SOURCE6, List.of(GROUP6),
                ChecksumRule.PSEUDO_HEADER, null, 255);

        ByteBuffer message = ByteBuffer.allocate(writer.length());
        writer.write(message, 100, 0, 0);
        assertThat(hex(message.array())).isEqualTo(hex(vector.vrrp()));

        ByteBuffer frame = ByteBuffer.allocate(Ethernet.HEADER_LENGTH + Ipv6Header.LENGTH + writer.length());
        Ethernet.writeHeader(frame, 0, Ethernet.ipv6Multicast(GROUP6.getAddress()), VMAC6, Ethernet.ETHERTYPE_IPV6);
        Ipv6Header.write(frame, Ethernet.HEADER_LENGTH, Ipv4Header.TOS_NETWORK_CONTROL, writer.length(),
                Ipv4Header.PROTOCOL_VRRP, Ipv6Header.HOP_LIMIT, SOURCE6.getAddress(), GROUP6.getAddress());
        frame.put(Ethernet.HEADER_LENGTH + Ipv6Header.LENGTH, message.array());
        assertThat(hex(frame.array())).isEqualTo(hex(vector.frame()));

        ReceiveRules rules = rules(advert, false, ChecksumRule.PSEUDO_HEADER);
        ReadResult result = new AdvertisementReader(rules).readIpv6(ByteBuffer.wrap(vector.vrrp()), SOURCE6, GROUP6, 255, null);
        assertThat(result).isEqualTo(new ReadResult.Accepted(advert, SOURCE6, 255, false));
    }

    @Test
    void theWireChecksumFollowsTheRuleAndTheDestination() {
        // The same advert, three checksums: the RFC 5798 pseudo-header of the real destination, the
        // message alone (v3_checksum_as_v2) and the pseudo-header of a unicast peer.
        assertThat(checksum("v3_ipv4_mcast_pseudohdr_vrid51_prio100_100cs")).isEqualTo(0x7874);
        assertThat(checksum("v3_ipv4_mcast_nopseudohdr_v3_checksum_as_v2")).isEqualTo(0xe1ad);
        assertThat(checksum("v3_ipv4_unicast_peer_pseudohdr_realdst")).isEqualTo(0xcfdb);
    }

    private static int checksum(String name) {
        return AdvertisementCodec.checksum(ByteBuffer.wrap(vectors.get(name).vrrp()), 0);
    }

    private static void checkIpv4(String name, Advertisement advert, List<InetAddress> destinations, ChecksumRule rule,
            int identification, MacAddress destinationMac, MacAddress sourceMac) {
        GoldenVectors.Vector vector = vectors.get(name);
        AdvertisementWriter writer = AdvertisementWriter.create(advert.withPriority(100), SOURCE4, destinations, rule, GROUP4, 255);

        ByteBuffer packet = ByteBuffer.allocate(writer.length());
        writer.write(packet, advert.priority(), 0, identification);
        byte[] message = Arrays.copyOfRange(packet.array(), Ipv4Header.LENGTH, writer.length());
        assertThat(hex(message)).as(name + " VRRP").isEqualTo(hex(vector.vrrp()));

        ByteBuffer frame = ByteBuffer.allocate(Ethernet.HEADER_LENGTH + writer.length());
        Ethernet.writeHeader(frame, 0, destinationMac, sourceMac, Ethernet.ETHERTYPE_IPV4);
        frame.put(Ethernet.HEADER_LENGTH, packet.array());
        assertThat(hex(frame.array())).as(name + " frame").isEqualTo(hex(vector.frame()));

        byte[] ipPacket = Arrays.copyOfRange(vector.frame(), Ethernet.HEADER_LENGTH, vector.frame().length);
        boolean unicast = !destinations.get(0).isMulticastAddress();
        ReadResult result = new AdvertisementReader(rules(advert, unicast, rule)).readIpv4(ByteBuffer.wrap(ipPacket), null);
        assertThat(result).isEqualTo(new ReadResult.Accepted(advert, SOURCE4, 255, false));
    }

    static ReceiveRules rules(Advertisement advert, boolean unicast, ChecksumRule rule) {
        return new ReceiveRules(advert.family(), advert.version(), advert.authType(), advert.authData(),
                advert.advertInterval(), advert.addresses(), unicast,
                unicast ? List.of(new UnicastPeer(SOURCE4, Optional.empty(), Optional.empty())) : List.of(),
                unicast, rule, true, GROUP4, false);
    }

    private static Advertisement v2(AuthType authType, long authData, String... addresses) {
        return new Advertisement(IpFamily.INET, VrrpVersion.V2, 51, 100, 1, authType, authData,
                Arrays.stream(addresses).map(AdvertisementGoldenTest::address).toList());
    }

    private static Advertisement v3(String... addresses) {
        return new Advertisement(IpFamily.INET, VrrpVersion.V3, 51, 100, 100, AuthType.NONE, 0,
                Arrays.stream(addresses).map(AdvertisementGoldenTest::address).toList());
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
