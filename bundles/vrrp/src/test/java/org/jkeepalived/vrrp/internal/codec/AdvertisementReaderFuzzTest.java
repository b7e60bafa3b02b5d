package org.jkeepalived.vrrp.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.internal.codec.AdvertisementGoldenTest.address;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.UnicastPeer;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and bit-flipped packets: each gives an advert or a counted drop, never an
 * exception.
 */
class AdvertisementReaderFuzzTest {

    private static final long SEED = 0x5eed_0112L;
    private static final InetAddress GROUP = address("224.0.0.18");
    private static final List<InetAddress> VIPS = List.of(address("192.0.2.100"), address("192.0.2.101"));

    private final List<AdvertisementReader> ipv4Readers = List.of(
            reader(VrrpVersion.V2, AuthType.NONE, false, ChecksumRule.MESSAGE),
            reader(VrrpVersion.V2, AuthType.PASS, false, ChecksumRule.MESSAGE),
            reader(VrrpVersion.V2, AuthType.AH, false, ChecksumRule.MESSAGE),
            reader(VrrpVersion.V3, AuthType.NONE, false, ChecksumRule.PSEUDO_HEADER),
            reader(VrrpVersion.V3, AuthType.NONE, true, ChecksumRule.PSEUDO_HEADER),
            reader(VrrpVersion.V3, AuthType.NONE, true, ChecksumRule.MESSAGE));
    private final AdvertisementReader ipv6Reader = ipv6Reader(List.of(address("fe80::100")));

    @Test
    void randomBytesAreDroppedOrRead() {
        Random random = new Random(SEED);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(96)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) 0x45;
            }
            if (bytes.length > 3 && random.nextBoolean()) {
                ByteBuffer.wrap(bytes).putShort(2, (short) bytes.length);
            }
            readAll(bytes);
        }
    }

    @Test
    void everyTruncationAndBitFlipOfValidPacketsIsDroppedOrRead() {
        Random random = new Random(SEED);
        for (ByteBuffer valid : validPackets()) {
            byte[] bytes = Arrays.copyOf(valid.array(), valid.limit());
            for (int length = 0; length < bytes.length; length++) {
                for (ReadResult result : readAll(Arrays.copyOf(bytes, length))) {
                    assertThat(result).isInstanceOf(ReadResult.Dropped.class);
                }
            }
            for (int i = 0; i < 20_000; i++) {
                byte[] mutated = bytes.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
                }
                readAll(mutated);
            }
        }
    }

    private List<ReadResult> readAll(byte[] bytes) {
        List<ReadResult> results = new java.util.ArrayList<>();
        for (AdvertisementReader reader : ipv4Readers) {
            results.add(reader.readIpv4(ByteBuffer.wrap(bytes), null));
            results.add(reader.readIpv4(ByteBuffer.wrap(bytes), address("192.0.2.1")));
        }
        results.add(ipv6Reader.readIpv6(ByteBuffer.wrap(bytes), address("fe80::1"), address("ff02::12"), 255, null));
        assertThat(results).doesNotContainNull();
        return results;
    }

    private static List<ByteBuffer> validPackets() {
        Advertisement v2 = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.NONE, 0, VIPS);
        Advertisement v2Pass = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.PASS,
                AuthType.passwordData("secret"), VIPS);
        Advertisement v3 = new Advertisement(IpFamily.INET, VrrpVersion.V3, 7, 100, 100, AuthType.NONE, 0, VIPS);
        Advertisement v2Ah = new Advertisement(IpFamily.INET, VrrpVersion.V2, 7, 100, 1, AuthType.AH, 0, VIPS);
        AdvertisementWriter ahWriter = AdvertisementWriter.create(v2Ah, address("192.0.2.1"), List.of(GROUP),
                ChecksumRule.MESSAGE, GROUP, 255, new AuthenticationHeader(AuthType.passwordData("secret"), false));
        ByteBuffer ah = ByteBuffer.allocate(ahWriter.length());
        ahWriter.write(ah, 100, 0, 1);
        return List.of(AdvertisementReaderTest.packet(v2, GROUP, ChecksumRule.MESSAGE, 255), ah,
                AdvertisementReaderTest.packet(v2Pass, GROUP, ChecksumRule.MESSAGE, 255),
                AdvertisementReaderTest.packet(v3, GROUP, ChecksumRule.PSEUDO_HEADER, 255),
                AdvertisementReaderTest.packet(v3, address("192.0.2.2"), ChecksumRule.PSEUDO_HEADER_GROUP, 255));
    }

    static AdvertisementReader ipv6Reader(List<InetAddress> addresses) {
        return new AdvertisementReader(new ReceiveRules(IpFamily.INET6, VrrpVersion.V3, AuthType.NONE, 0, 1, addresses, false,
                List.of(), false, ChecksumRule.PSEUDO_HEADER, false, null, false));
    }

    /** A reader of IPv4 adverts from 192.0.2.1 for 192.0.2.100 and .101, password "secret" where there is one. */
    static AdvertisementReader reader(VrrpVersion version, AuthType authType, boolean unicast, ChecksumRule rule) {
        long authData = authType == AuthType.NONE ? 0 : AuthType.passwordData("secret");
        return new AdvertisementReader(new ReceiveRules(IpFamily.INET, version, authType, authData, 1, VIPS, unicast,
                List.of(new UnicastPeer(address("192.0.2.1"), Optional.of(1), Optional.of(255))), unicast,
                rule, true, GROUP, false), authType == AuthType.AH ? new AuthenticationHeader(authData, unicast) : null);
    }
}
