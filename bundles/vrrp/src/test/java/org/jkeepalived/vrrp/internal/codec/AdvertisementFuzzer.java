package org.jkeepalived.vrrp.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.internal.codec.AdvertisementGoldenTest.address;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the advert reader, the parser of what any host on a segment may send.
 * An input either is the packet itself, or describes a valid advert and the damage done to it
 * (bytes overwritten, cut short). Every packet must give an advert or a counted drop; an undamaged
 * one must be accepted as it was written.
 */
class AdvertisementFuzzer {

    private static final InetAddress GROUP4 = address("224.0.0.18");
    private static final InetAddress PEER4 = address("192.0.2.1");
    private static final InetAddress UNICAST4 = address("192.0.2.2");
    private static final List<InetAddress> VIPS4 = List.of(address("192.0.2.100"), address("192.0.2.101"));
    private static final InetAddress GROUP6 = address("ff02::12");
    private static final InetAddress PEER6 = address("fe80::1");
    private static final List<InetAddress> VIPS6 = List.of(address("fe80::100"));
    private static final String PASSWORD = "secret";

    /** The receiving instances: each version, authentication and addressing keepalived offers. */
    private enum Receiver {
        V2_NONE(VrrpVersion.V2, AuthType.NONE, false, ChecksumRule.MESSAGE),
        V2_PASS(VrrpVersion.V2, AuthType.PASS, false, ChecksumRule.MESSAGE),
        V2_AH(VrrpVersion.V2, AuthType.AH, false, ChecksumRule.MESSAGE),
        V3_MULTICAST(VrrpVersion.V3, AuthType.NONE, false, ChecksumRule.PSEUDO_HEADER),
        V3_UNICAST(VrrpVersion.V3, AuthType.NONE, true, ChecksumRule.PSEUDO_HEADER),
        V3_UNICAST_GROUP_CHECKSUM(VrrpVersion.V3, AuthType.NONE, true, ChecksumRule.PSEUDO_HEADER_GROUP),
        V3_IPV6(VrrpVersion.V3, AuthType.NONE, false, ChecksumRule.PSEUDO_HEADER);

        private final VrrpVersion version;
        private final AuthType authType;
        private final boolean unicast;
        private final ChecksumRule rule;

        Receiver(VrrpVersion version, AuthType authType, boolean unicast, ChecksumRule rule) {
            this.version = version;
            this.authType = authType;
            this.unicast = unicast;
            this.rule = rule;
        }

        boolean ipv6() {
            return this == V3_IPV6;
        }

        long authData() {
            return authType == AuthType.NONE ? 0 : AuthType.passwordData(PASSWORD);
        }

        /** A fresh reader: auth_type AH remembers the sequence numbers it has seen. */
        AdvertisementReader reader() {
            return ipv6() ? AdvertisementReaderFuzzTest.ipv6Reader(VIPS6)
                    : AdvertisementReaderFuzzTest.reader(version, authType, unicast, rule == ChecksumRule.PSEUDO_HEADER_GROUP
                            ? ChecksumRule.PSEUDO_HEADER : rule);
        }

        Advertisement advert(int virtualRouterId, int priority, int interval) {
            return ipv6()
                    ? new Advertisement(IpFamily.INET6, version, virtualRouterId, priority, interval, AuthType.NONE, 0, VIPS6)
                    : new Advertisement(IpFamily.INET, version, virtualRouterId, priority, interval, authType, authData(), VIPS4);
        }

        ByteBuffer write(Advertisement advert) {
            AuthenticationHeader header = authType == AuthType.AH ? new AuthenticationHeader(authData(), unicast) : null;
            AdvertisementWriter writer = ipv6()
                    ? AdvertisementWriter.create(advert, PEER6, List.of(GROUP6), rule, null, 255)
                    : AdvertisementWriter.create(advert, PEER4, List.of(unicast ? UNICAST4 : GROUP4), rule, GROUP4, 255, header);
            ByteBuffer packet = ByteBuffer.allocate(writer.length());
            writer.write(packet, advert.priority(), 0, 1);
            return packet;
        }

        ReadResult read(AdvertisementReader reader, byte[] packet, boolean masterKnown) {
            return ipv6() ? reader.readIpv6(ByteBuffer.wrap(packet), PEER6, GROUP6, 255, masterKnown ? PEER6 : null)
                    : reader.readIpv4(ByteBuffer.wrap(packet), masterKnown ? PEER4 : null);
        }
    }

    @FuzzTest
    void everyPacketIsReadOrDropped(FuzzedDataProvider data) {
        Receiver receiver = data.pickValue(Receiver.values());
        boolean masterKnown = data.consumeBoolean();
        if (data.consumeBoolean()) {
            assertThat(receiver.read(receiver.reader(), data.consumeRemainingAsBytes(), masterKnown)).isNotNull();
            return;
        }
        Advertisement sent = receiver.advert(data.consumeInt(1, 255), data.consumeInt(1, 255),
                receiver.version == VrrpVersion.V2 ? 1 : data.consumeInt(1, Advertisement.MAX_V3_INTERVAL));
        ByteBuffer written = receiver.write(sent);
        byte[] packet = Arrays.copyOf(written.array(), written.limit());
        boolean damaged = false;
        for (int edits = data.consumeInt(0, 6); edits > 0; edits--) {
            int at = data.consumeInt(0, packet.length - 1);
            byte value = data.consumeByte();
            damaged |= packet[at] != value;
            packet[at] = value;
        }
        int length = data.consumeBoolean() ? data.consumeInt(0, packet.length) : packet.length;
        damaged |= length < packet.length;

        ReadResult result = receiver.read(receiver.reader(), Arrays.copyOf(packet, length), masterKnown);

        assertThat(result).isNotNull();
        if (!damaged) {
            assertThat(result).isInstanceOfSatisfying(ReadResult.Accepted.class, accepted -> {
                assertThat(accepted.advert().virtualRouterId()).isEqualTo(sent.virtualRouterId());
                assertThat(accepted.advert().priority()).isEqualTo(sent.priority());
                assertThat(accepted.advert().advertInterval()).isEqualTo(sent.advertInterval());
                assertThat(accepted.advert().addresses()).isEqualTo(sent.addresses());
            });
        }
    }
}
