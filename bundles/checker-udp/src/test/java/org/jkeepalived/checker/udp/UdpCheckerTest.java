package org.jkeepalived.checker.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.testing.servers.Dnsmasq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UDP_CHECK against a real UDP service, dnsmasq, sent a DNS query as payload; against a socket that
 * never answers, and a port where nothing listens, which the kernel answers with ICMP port unreachable.
 */
class UdpCheckerTest {

    /** A query for www.example.test, type A, with ID 0x1234 (RFC 1035 section 4.1). */
    private static final String QUERY = "1234 0100 0001 0000 0000 0000 03777777 076578616d706c65 0474657374 00 0001 0001";

    private static Dnsmasq dnsmasq;
    private static CheckerTestKit kit;

    @BeforeAll
    static void start() throws Exception {
        dnsmasq = Dnsmasq.start("example.test", "www.example.test,192.0.2.7");
        kit = CheckerTestKit.of(new UdpCheckerFactory());
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    private static CheckOutcome probe(String block) {
        return kit.probe(block, dnsmasq.address());
    }

    @Test
    void aServiceThatRepliesIsUp() {
        assertThat(probe("UDP_CHECK {\n payload " + QUERY + "\n}").detail()).matches("replied with \\d+ bytes");
    }

    @Test
    void aRequiredReplyMustStartWithTheBytesGivenXBeingAnyNibble() {
        // the response carries the query's ID, then QR set: 8 in the first nibble of the flags
        assertThat(probe("UDP_CHECK {\n payload " + QUERY + "\n require_reply 1234 8XXX 0001 0001\n}").detail())
                .matches("replied with \\d+ bytes as required");
        CheckOutcome wrong = probe("UDP_CHECK {\n payload " + QUERY + "\n require_reply 4321\n}");
        assertThat(wrong.isUp()).isFalse();
        assertThat(wrong.detail()).startsWith("replied 1234").endsWith(", expected 4321");
    }

    @Test
    void aRequiredReplyMustHaveItsLengthWithinTheBounds() {
        assertThat(probe("UDP_CHECK {\n payload " + QUERY + "\n require_reply\n min_reply_length 200\n}").detail())
                .matches("replied with \\d+ bytes, expected 200 to 255");
        assertThat(probe("UDP_CHECK {\n payload " + QUERY + "\n require_reply\n max_reply_length 20\n}").isUp()).isFalse();
    }

    @Test
    void withoutAReplyRequiredSilenceIsUpAndWithOneItIsDown() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(silent.getLocalAddress(), silent.getLocalPort());

            assertThat(kit.probe("UDP_CHECK {\n connect_timeout 0.5\n}", address))
                    .isEqualTo(CheckOutcome.up("no ICMP error within 500 ms"));
            assertThat(kit.probe("UDP_CHECK {\n require_reply\n connect_timeout 0.5\n}", address))
                    .isEqualTo(CheckOutcome.down("no reply within 500 ms"));
        }
    }

    @Test
    void aPortWhereNothingListensIsDownByItsIcmpError() throws Exception {
        InetSocketAddress closed;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
        }

        assertThat(kit.probe("UDP_CHECK {\n payload 00\n}", closed))
                .isEqualTo(CheckOutcome.down("ICMP port unreachable: nothing listens on [127.0.0.1]:" + closed.getPort()));
    }
}
