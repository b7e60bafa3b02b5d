package org.jkeepalived.vrrp.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.internal.codec.AdvertisementGoldenTest.address;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.api.DropReason;
import org.junit.jupiter.api.Test;

/** Each check of a received advert, with a packet that fails only that check. */
class AdvertisementReaderTest {

    private static final InetAddress GROUP = address("224.0.0.18");
    private static final InetAddress SOURCE = address("192.0.2.1");
    private static final InetAddress LOCAL = address("192.0.2.2");
    private static final List<InetAddress> VIPS = List.of(address("192.0.2.100"), address("192.0.2.101"));

    private static final Advertisement V2 = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1,
            AuthType.NONE, 0, VIPS);
    private static final Advertisement V2_PASS = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1,
            AuthType.PASS, AuthType.passwordData("secret"), VIPS);
    private static final Advertisement V3 = new Advertisement(IpFamily.INET, VrrpVersion.V3, 7, 100, 100,
            AuthType.NONE, 0, VIPS);

    @Test
    void aValidAdvertIsReadWithItsSourceAndTtl() {
        ReadResult result = reader(multicast(V2)).readIpv4(packet(V2, GROUP, ChecksumRule.MESSAGE, 255), null);

        assertThat(result).isEqualTo(new ReadResult.Accepted(V2, SOURCE, 255, false));
    }

    @Test
    void shortPacketsAreTruncated() {
        assertThat(dropReason(multicast(V2), ByteBuffer.allocate(12))).isEqualTo(DropReason.TRUNCATED);
        ByteBuffer headerOnly = packet(V2, GROUP, ChecksumRule.MESSAGE, 255).limit(Ipv4Header.LENGTH + 4);
        assertThat(dropReason(multicast(V2), headerOnly)).isEqualTo(DropReason.TRUNCATED);
    }

    @Test
    void aBrokenIpHeaderIsMalformed() {
        ByteBuffer notIpv4 = packet(V2, GROUP, ChecksumRule.MESSAGE, 255);
        notIpv4.put(0, (byte) 0x65);
        assertThat(dropReason(multicast(V2), notIpv4)).isEqualTo(DropReason.MALFORMED_IP_HEADER);

        ByteBuffer wrongTotal = packet(V2, GROUP, ChecksumRule.MESSAGE, 255);
        wrongTotal.putShort(Ipv4Header.TOTAL_LENGTH, (short) 100);
        assertThat(dropReason(multicast(V2), wrongTotal)).isEqualTo(DropReason.MALFORMED_IP_HEADER);
    }

    @Test
    void aLengthThatDoesNotMatchTheCountIsDropped() {
        ByteBuffer packet = packet(V2, GROUP, ChecksumRule.MESSAGE, 255);
        packet.put(Ipv4Header.LENGTH + AdvertisementCodec.COUNT, (byte) 3);

        assertThat(dropReason(multicast(V2), packet)).isEqualTo(DropReason.LENGTH_MISMATCH);
    }

    @Test
    void multicastAdvertsNeedTtl255AndUnicastOnesDoNot() {
        assertThat(dropReason(multicast(V2), packet(V2, GROUP, ChecksumRule.MESSAGE, 64))).isEqualTo(DropReason.TTL);

        ReadResult unicast = reader(unicast(V3, false, ChecksumRule.PSEUDO_HEADER))
                .readIpv4(packet(V3, LOCAL, ChecksumRule.PSEUDO_HEADER, 64), null);
        assertThat(unicast).isInstanceOf(ReadResult.Accepted.class);
    }

    @Test
    void anotherVersionIsDropped() {
        assertThat(dropReason(multicast(V2), packet(V3, GROUP, ChecksumRule.PSEUDO_HEADER, 255)))
                .isEqualTo(DropReason.VERSION);
        ByteBuffer version4 = packet(V2, GROUP, ChecksumRule.MESSAGE, 255);
        version4.put(Ipv4Header.LENGTH, (byte) 0x41);
        assertThat(dropReason(multicast(V2), version4)).isEqualTo(DropReason.VERSION);
    }

    @Test
    void v2AuthenticationIsChecked() {
        ByteBuffer unknown = packet(V2, GROUP, ChecksumRule.MESSAGE, 255);
        unknown.put(Ipv4Header.LENGTH + AdvertisementCodec.AUTH_TYPE, (byte) 7);
        assertThat(dropReason(multicast(V2), unknown)).isEqualTo(DropReason.INVALID_AUTH_TYPE);

        assertThat(dropReason(multicast(V2), packet(V2_PASS, GROUP, ChecksumRule.MESSAGE, 255)))
                .isEqualTo(DropReason.AUTH_TYPE_MISMATCH);
        assertThat(dropReason(multicast(V2_PASS), packet(V2, GROUP, ChecksumRule.MESSAGE, 255)))
                .isEqualTo(DropReason.AUTH_TYPE_MISMATCH);

        Advertisement otherPassword = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.PASS,
                AuthType.passwordData("secreT"), VIPS);
        assertThat(dropReason(multicast(V2_PASS), packet(otherPassword, GROUP, ChecksumRule.MESSAGE, 255)))
                .isEqualTo(DropReason.AUTH_FAILURE);
        assertThat(reader(multicast(V2_PASS)).readIpv4(packet(V2_PASS, GROUP, ChecksumRule.MESSAGE, 255), null))
                .isInstanceOf(ReadResult.Accepted.class);
    }

    @Test
    void aV2IntervalOtherThanOursIsDroppedButAV3OneIsAccepted() {
        Advertisement everyTwoSeconds = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 2, AuthType.NONE, 0, VIPS);
        assertThat(dropReason(multicast(V2), packet(everyTwoSeconds, GROUP, ChecksumRule.MESSAGE, 255)))
                .isEqualTo(DropReason.ADVERT_INTERVAL);

        Advertisement everyHalfSecond = new Advertisement(IpFamily.INET, VrrpVersion.V3, 7, 100, 50, AuthType.NONE, 0, VIPS);
        assertThat(reader(multicast(V3)).readIpv4(packet(everyHalfSecond, GROUP, ChecksumRule.PSEUDO_HEADER, 255), null))
                .isEqualTo(new ReadResult.Accepted(everyHalfSecond, SOURCE, 255, false));
    }

    @Test
    void anotherTypeIsDropped() {
        ByteBuffer packet = packet(V3, GROUP, ChecksumRule.PSEUDO_HEADER, 255);
        packet.put(Ipv4Header.LENGTH, (byte) 0x32);

        assertThat(dropReason(multicast(V3), packet)).isEqualTo(DropReason.TYPE);
    }

    @Test
    void aBadChecksumIsDropped() {
        ByteBuffer packet = packet(V2, GROUP, ChecksumRule.MESSAGE, 255);
        packet.put(Ipv4Header.LENGTH + AdvertisementCodec.CHECKSUM, (byte) 0);

        assertThat(dropReason(multicast(V2), packet)).isEqualTo(DropReason.CHECKSUM);
        assertThat(dropReason(multicast(V3), packet(V3, GROUP, ChecksumRule.MESSAGE, 255))).isEqualTo(DropReason.CHECKSUM);
    }

    @Test
    void v3ChecksumAsV2IsAcceptedWhenConfigured() {
        ReceiveRules asV2 = new ReceiveRules(IpFamily.INET, VrrpVersion.V3, AuthType.NONE, 0, 1, VIPS, false,
                List.of(), false, ChecksumRule.MESSAGE, true, GROUP, false);

        assertThat(reader(asV2).readIpv4(packet(V3, GROUP, ChecksumRule.MESSAGE, 255), null))
                .isInstanceOf(ReadResult.Accepted.class);
        assertThat(dropReason(asV2, packet(V3, GROUP, ChecksumRule.PSEUDO_HEADER, 255))).isEqualTo(DropReason.CHECKSUM);
    }

    @Test
    void theUnicastChecksumOfOldKeepalivedIsDetected() {
        ByteBuffer legacy = packet(V3, LOCAL, ChecksumRule.PSEUDO_HEADER_GROUP, 255);

        assertThat(reader(unicast(V3, false, ChecksumRule.PSEUDO_HEADER)).readIpv4(legacy, null))
                .isEqualTo(new ReadResult.Accepted(V3, SOURCE, 255, true));
        ReceiveRules never = new ReceiveRules(IpFamily.INET, VrrpVersion.V3, AuthType.NONE, 0, 1, VIPS, true,
                List.of(), false, ChecksumRule.PSEUDO_HEADER, false, GROUP, false);
        assertThat(dropReason(never, legacy)).isEqualTo(DropReason.CHECKSUM);
    }

    @Test
    void unicastAndMulticastDoNotMix() {
        assertThat(dropReason(multicast(V3), packet(V3, LOCAL, ChecksumRule.PSEUDO_HEADER, 255)))
                .isEqualTo(DropReason.UNEXPECTED_DESTINATION);
        assertThat(dropReason(unicast(V3, false, ChecksumRule.PSEUDO_HEADER), packet(V3, GROUP, ChecksumRule.PSEUDO_HEADER, 255)))
                .isEqualTo(DropReason.UNEXPECTED_DESTINATION);
    }

    @Test
    void theAddressesMustBeOursUnlessTheCheckIsSkipped() {
        Advertisement fewer = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.NONE, 0, VIPS.subList(0, 1));
        Advertisement other = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.NONE, 0,
                List.of(VIPS.get(0), address("192.0.2.200")));

        assertThat(dropReason(multicast(V2), packet(fewer, GROUP, ChecksumRule.MESSAGE, 255))).isEqualTo(DropReason.ADDRESS_LIST);
        assertThat(dropReason(multicast(V2), packet(other, GROUP, ChecksumRule.MESSAGE, 255))).isEqualTo(DropReason.ADDRESS_LIST);
        // skip_check_adv_addr: the known master's adverts are not checked, a new master's are
        assertThat(reader(multicast(V2)).readIpv4(packet(other, GROUP, ChecksumRule.MESSAGE, 255), SOURCE))
                .isEqualTo(new ReadResult.Accepted(other, SOURCE, 255, false));
        assertThat(reader(multicast(V2)).readIpv4(packet(other, GROUP, ChecksumRule.MESSAGE, 255), LOCAL))
                .isInstanceOf(ReadResult.Dropped.class);
        Advertisement reordered = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.NONE, 0,
                List.of(VIPS.get(1), VIPS.get(0)));
        assertThat(reader(multicast(V2)).readIpv4(packet(reordered, GROUP, ChecksumRule.MESSAGE, 255), null))
                .isInstanceOf(ReadResult.Accepted.class);
    }

    @Test
    void checkUnicastSrcDropsStrangersAndTtlsOutOfRange() {
        ReceiveRules otherPeer = new ReceiveRules(IpFamily.INET, VrrpVersion.V3, AuthType.NONE, 0, 1, VIPS, true,
                List.of(new UnicastPeer(address("192.0.2.9"), Optional.empty(), Optional.empty())), true,
                ChecksumRule.PSEUDO_HEADER, true, GROUP, false);
        assertThat(dropReason(otherPeer, packet(V3, LOCAL, ChecksumRule.PSEUDO_HEADER, 255))).isEqualTo(DropReason.UNICAST_SOURCE);

        ReceiveRules ttlRange = new ReceiveRules(IpFamily.INET, VrrpVersion.V3, AuthType.NONE, 0, 1, VIPS, true,
                List.of(new UnicastPeer(SOURCE, Optional.of(250), Optional.of(254))), true,
                ChecksumRule.PSEUDO_HEADER, true, GROUP, false);
        assertThat(dropReason(ttlRange, packet(V3, LOCAL, ChecksumRule.PSEUDO_HEADER, 255))).isEqualTo(DropReason.UNICAST_TTL);
        assertThat(reader(ttlRange).readIpv4(packet(V3, LOCAL, ChecksumRule.PSEUDO_HEADER, 252), null))
                .isInstanceOf(ReadResult.Accepted.class);
    }

    @Test
    void anOwnerThatIgnoresAdvertsDropsThem() {
        ReceiveRules owner = new ReceiveRules(IpFamily.INET, VrrpVersion.V2, AuthType.NONE, 0, 1, VIPS, false,
                List.of(), false, ChecksumRule.MESSAGE, true, GROUP, true);

        assertThat(dropReason(owner, packet(V2, GROUP, ChecksumRule.MESSAGE, 255))).isEqualTo(DropReason.OWNER_IGNORES_ADVERTS);
    }

    @Test
    void ipv6ChecksumsCoverThePseudoHeader() {
        InetAddress source = address("fe80::1");
        InetAddress group = address("ff02::12");
        Advertisement advert = new Advertisement(IpFamily.INET6, VrrpVersion.V3, 7, 100, 100, AuthType.NONE, 0,
                List.of(address("fe80::100")));
        AdvertisementWriter writer = AdvertisementWriter.create(advert, source, List.of(group), ChecksumRule.PSEUDO_HEADER, null, 255);
        ByteBuffer message = ByteBuffer.allocate(writer.length());
        writer.write(message, 100, 0, 0);
        ReceiveRules rules = new ReceiveRules(IpFamily.INET6, VrrpVersion.V3, AuthType.NONE, 0, 1, advert.addresses(),
                false, List.of(), false, ChecksumRule.PSEUDO_HEADER, false, null, false);

        assertThat(reader(rules).readIpv6(message, source, group, 255, null)).isInstanceOf(ReadResult.Accepted.class);
        ReadResult otherSource = reader(rules).readIpv6(message, address("fe80::2"), group, 255, null);
        assertThat(((ReadResult.Dropped) otherSource).reason()).isEqualTo(DropReason.CHECKSUM);
        ReadResult lowHopLimit = reader(rules).readIpv6(message, source, group, 1, null);
        assertThat(((ReadResult.Dropped) lowHopLimit).reason()).isEqualTo(DropReason.TTL);
    }

    private static DropReason dropReason(ReceiveRules rules, ByteBuffer packet) {
        ReadResult result = reader(rules).readIpv4(packet, null);
        assertThat(result).isInstanceOf(ReadResult.Dropped.class);
        return ((ReadResult.Dropped) result).reason();
    }

    private static AdvertisementReader reader(ReceiveRules rules) {
        return new AdvertisementReader(rules);
    }

    private static ReceiveRules multicast(Advertisement advert) {
        ChecksumRule rule = advert.version() == VrrpVersion.V2 ? ChecksumRule.MESSAGE : ChecksumRule.PSEUDO_HEADER;
        return new ReceiveRules(IpFamily.INET, advert.version(), advert.authType(), advert.authData(),
                advert.version() == VrrpVersion.V2 ? advert.advertInterval() : 1, VIPS, false, List.of(), false,
                rule, true, GROUP, false);
    }

    private static ReceiveRules unicast(Advertisement advert, boolean checkSource, ChecksumRule rule) {
        return new ReceiveRules(IpFamily.INET, advert.version(), advert.authType(), advert.authData(), 1, VIPS, true,
                List.of(new UnicastPeer(SOURCE, Optional.empty(), Optional.empty())), checkSource, rule, true,
                GROUP, false);
    }

    static ByteBuffer packet(Advertisement advert, InetAddress destination, ChecksumRule rule, int ttl) {
        AdvertisementWriter writer = AdvertisementWriter.create(advert, SOURCE, List.of(destination), rule, GROUP, ttl);
        ByteBuffer packet = ByteBuffer.allocate(writer.length());
        writer.write(packet, advert.priority(), 0, 1);
        return packet;
    }
}
