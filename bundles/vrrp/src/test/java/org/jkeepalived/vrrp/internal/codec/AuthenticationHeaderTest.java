package org.jkeepalived.vrrp.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.internal.codec.AdvertisementGoldenTest.address;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.vrrp.api.DropReason;
import org.junit.jupiter.api.Test;

/**
 * auth_type AH against the first adverts of Debian's keepalived 2.2.7 (VRID 51, priority 150,
 * advert_int 1, auth_pass s3cret, addresses 192.0.2.100 and 192.0.2.101, from 192.0.2.1 to
 * 224.0.0.18), as captured on the wire: IPv4 header, IPsec AH with sequence numbers 1, 2 and 3, VRRPv2.
 */
class AuthenticationHeaderTest {

    private static final List<byte[]> KEEPALIVED = List.of(
            packet("45c0 0044 0001 0000 ff33 18b2 c000 0201 e000 0012"
                    + "7004 0000 c000 0201 0000 0001 7a90 b869 9a39 3e8e 8527 330b"
                    + "2133 9602 0201 c1fe c000 0264 c000 0265 0000 0000 0000 0000"),
            packet("45c0 0044 0002 0000 ff33 18b1 c000 0201 e000 0012"
                    + "7004 0000 c000 0201 0000 0002 7f55 6f79 7eeb 406c 52b1 bfb5"
                    + "2133 9602 0201 c1fe c000 0264 c000 0265 0000 0000 0000 0000"),
            packet("45c0 0044 0003 0000 ff33 18b0 c000 0201 e000 0012"
                    + "7004 0000 c000 0201 0000 0003 bf10 5cda 9040 4299 66b5 093e"
                    + "2133 9602 0201 c1fe c000 0264 c000 0265 0000 0000 0000 0000"));
    private static final long KEY = AuthType.passwordData("s3cret");
    private static final InetAddress SOURCE = address("192.0.2.1");
    private static final InetAddress GROUP = address("224.0.0.18");
    private static final List<InetAddress> VIPS = List.of(address("192.0.2.100"), address("192.0.2.101"));
    private static final Advertisement ADVERT = new Advertisement(IpFamily.INET, VrrpVersion.V2, 51, 150, 1,
            AuthType.AH, 0, VIPS);

    @Test
    void advertsAreWrittenByteForByteAsKeepalivedWritesThem() {
        AdvertisementWriter writer = AdvertisementWriter.create(ADVERT, SOURCE, List.of(GROUP), ChecksumRule.MESSAGE,
                GROUP, 255, new AuthenticationHeader(KEY, false));

        for (int i = 0; i < KEEPALIVED.size(); i++) {
            ByteBuffer out = ByteBuffer.allocate(writer.length());
            int length = writer.write(out, 150, 0, i + 1);
            assertThat(HexFormat.of().formatHex(out.array(), 0, length))
                    .isEqualTo(HexFormat.of().formatHex(KEEPALIVED.get(i)));
        }
    }

    @Test
    void keepalivedsAdvertsAreAcceptedInOrderAndAReplayIsDropped() {
        AdvertisementReader reader = reader(KEY);

        for (byte[] packet : KEEPALIVED) {
            ReadResult result = reader.readIpv4(ByteBuffer.wrap(packet), null);
            assertThat(result).isInstanceOf(ReadResult.Accepted.class);
            assertThat(((ReadResult.Accepted) result).advert()).isEqualTo(ADVERT);
        }
        ReadResult replay = reader.readIpv4(ByteBuffer.wrap(KEEPALIVED.get(1)), null);
        assertThat(replay).isEqualTo(new ReadResult.Dropped(DropReason.AUTH_FAILURE,
                "IPsec AH sequence number 2 is not above 3: a replay"));
    }

    @Test
    void aWrongPasswordOrAChangedByteFailsTheIntegrityCheck() {
        assertThat(dropReason(reader(AuthType.passwordData("secret")), KEEPALIVED.get(0))).isEqualTo(DropReason.AUTH_FAILURE);

        byte[] higherPriority = KEEPALIVED.get(0).clone();
        higherPriority[Ipv4Header.LENGTH + AuthenticationHeader.LENGTH + 2] = (byte) 200;
        assertThat(dropReason(reader(KEY), higherPriority)).isEqualTo(DropReason.AUTH_FAILURE);

        // the TOS, the checksum and the TTL of a multicast advert are not covered (RFC 2402 section 3.3.3.1.1.1)
        byte[] otherTos = KEEPALIVED.get(0).clone();
        otherTos[1] = 0;
        assertThat(reader(KEY).readIpv4(ByteBuffer.wrap(otherTos), null)).isInstanceOf(ReadResult.Accepted.class);
    }

    @Test
    void anSpiOtherThanTheSourceAddressIsRefusedEvenWithARightValue() {
        AdvertisementWriter writer = AdvertisementWriter.create(ADVERT, address("192.0.2.9"), List.of(GROUP),
                ChecksumRule.MESSAGE, GROUP, 255, new AuthenticationHeader(KEY, false));
        ByteBuffer packet = ByteBuffer.allocate(writer.length());
        writer.write(packet, 150, 0, 1);
        // from 192.0.2.1 with the SPI of 192.0.2.9, signed again with the right key
        packet.put(Ipv4Header.SOURCE, SOURCE.getAddress());
        new AuthenticationHeader(KEY, false).sign(packet, packet.limit());
        byte[] bytes = packet.array();

        assertThat(reader(KEY).readIpv4(ByteBuffer.wrap(bytes), null)).isEqualTo(new ReadResult.Dropped(
                DropReason.AUTH_FAILURE, "IPsec AH SPI is not the source address"));
    }

    @Test
    void anAdvertWithoutTheHeaderIsAnAuthenticationTypeMismatch() {
        Advertisement plain = new Advertisement(IpFamily.INET, VrrpVersion.V2, 51, 150, 1, AuthType.NONE, 0, VIPS);

        assertThat(dropReason(reader(KEY), AdvertisementReaderTest.packet(plain, GROUP, ChecksumRule.MESSAGE, 255).array()))
                .isEqualTo(DropReason.AUTH_TYPE_MISMATCH);
    }

    private static DropReason dropReason(AdvertisementReader reader, byte[] packet) {
        ReadResult result = reader.readIpv4(ByteBuffer.wrap(packet), null);
        assertThat(result).isInstanceOf(ReadResult.Dropped.class);
        return ((ReadResult.Dropped) result).reason();
    }

    private static AdvertisementReader reader(long key) {
        return new AdvertisementReader(new ReceiveRules(IpFamily.INET, VrrpVersion.V2, AuthType.AH, key, 1, VIPS,
                false, List.of(), false, ChecksumRule.MESSAGE, false, GROUP, false), new AuthenticationHeader(key, false));
    }

    private static byte[] packet(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
