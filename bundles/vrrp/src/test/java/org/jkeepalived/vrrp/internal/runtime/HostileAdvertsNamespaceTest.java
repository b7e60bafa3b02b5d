package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.codec.Advertisement;
import org.jkeepalived.vrrp.internal.codec.AdvertisementWriter;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.ChecksumRule;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A master alone on its segment, and another host on the segment that sends it adverts of priority
 * 254 built to be refused: TTL 64, a wrong password, a bad checksum, cut short, padded out, from the
 * master's own address (which the kernel refuses first), for another virtual router. Each is dropped,
 * counted under its reason, and the master stays master with its address. The same advert without its fault then takes the
 * master over: the faulty ones reached it and were refused for their fault alone.
 */
class HostileAdvertsNamespaceTest extends RouterSegmentTest {

    private static final InetAddress GROUP = address("224.0.0.18");
    private static final InetAddress ATTACKER = address("192.0.2.2");
    private static final InetAddress MASTER = address("192.0.2.1");
    private static final String VIP = "192.0.2.100";

    private RuntimeRouter master;

    @BeforeEach
    void aMasterAlone() {
        master = first;
        master.apply("""
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass secret
                    }
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                }
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == VrrpState.MASTER && master.has(VIP));
        second.namespace.execOrFail("ip", "route", "add", "224.0.0.0/4", "dev", "eth0");
    }

    @Test
    void faultyAdvertsAreDroppedUnderTheirReasonAndMoveNothing() {
        byte[] valid = advert(51, "secret", 255, ATTACKER);
        byte[] badChecksum = valid.clone();
        badChecksum[20 + 6] ^= 0x01;
        byte[] padded = Arrays.copyOf(valid, 1400);

        send(advert(51, "secret", 64, ATTACKER));
        send(advert(51, "wrong", 255, ATTACKER));
        send(badChecksum);
        send(Arrays.copyOf(valid, 20 + 12));
        send(padded);
        send(advert(51, "secret", 255, MASTER));
        send(advert(52, "secret", 255, ATTACKER));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(drops())
                .containsKeys(DropReason.TTL, DropReason.AUTH_FAILURE, DropReason.CHECKSUM));
        Map<DropReason, Long> drops = drops();
        long lengthErrors = drops.getOrDefault(DropReason.TRUNCATED, 0L) + drops.getOrDefault(DropReason.LENGTH_MISMATCH, 0L);
        assertThat(lengthErrors).as("the cut and the padded advert, in %s", drops).isEqualTo(2);
        assertThat(state()).isEqualTo(VrrpState.MASTER);
        assertThat(master.has(VIP)).isTrue();
        assertThat(master.instance("VI_1").becameMaster()).isEqualTo(1);

        send(valid);

        await().atMost(Duration.ofSeconds(5)).until(() -> state() == VrrpState.BACKUP && !master.has(VIP));
    }

    private VrrpState state() {
        return master.instance("VI_1").state();
    }

    private Map<DropReason, Long> drops() {
        return master.instance("VI_1").drops();
    }

    /** Sends an IPv4 packet, header included, from the other host of the segment. */
    private void send(byte[] packet) {
        second.namespace.execOrFail("python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
                s.sendto(bytes.fromhex(sys.argv[1]), ('224.0.0.18', 0))
                """, HexFormat.of().formatHex(packet));
    }

    private static byte[] advert(int virtualRouterId, String password, int ttl, InetAddress source) {
        Advertisement advert = new Advertisement(IpFamily.INET, VrrpVersion.V2, virtualRouterId, 254, 1, AuthType.PASS,
                AuthType.passwordData(password), List.of(address(VIP)));
        AdvertisementWriter writer = AdvertisementWriter.create(advert, source, List.of(GROUP), ChecksumRule.MESSAGE, GROUP, ttl);
        ByteBuffer packet = ByteBuffer.allocate(writer.length());
        writer.write(packet, advert.priority(), 0, 1);
        return packet.array();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
