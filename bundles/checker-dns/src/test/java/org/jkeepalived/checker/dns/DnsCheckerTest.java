package org.jkeepalived.checker.dns;

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

/** DNS_CHECK against Debian's dnsmasq on loopback, and against ports that refuse or never answer. */
class DnsCheckerTest {

    private static Dnsmasq dnsmasq;
    private static CheckerTestKit kit;

    @BeforeAll
    static void start() throws Exception {
        dnsmasq = Dnsmasq.start("example.test", "www.example.test,192.0.2.7,2001:db8::7");
        kit = CheckerTestKit.of(new DnsCheckerFactory());
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
    void aNameTheServerKnowsIsUp() {
        assertThat(probe("DNS_CHECK {\n type A\n name www.example.test\n}"))
                .isEqualTo(CheckOutcome.up("answered NoError with 1 record"));
        assertThat(probe("DNS_CHECK {\n type aaaa\n name www.example.test.\n}"))
                .isEqualTo(CheckOutcome.up("answered NoError with 1 record"));
        assertThat(probe("DNS_CHECK {\n type MX\n name www.example.test\n}"))
                .as("no record of the type, but no error").isEqualTo(CheckOutcome.up("answered NoError with 0 records"));
    }

    @Test
    void anAnswerWithAnErrorCodeIsDown() {
        assertThat(probe("DNS_CHECK {\n type A\n name nowhere.example.test\n}"))
                .isEqualTo(CheckOutcome.down("answered NXDomain(3)"));
    }

    @Test
    void theDefaultQueryIsTheSoaOfTheRoot() {
        // dnsmasq, with no upstream, refuses what is outside its own domain
        assertThat(probe("DNS_CHECK {\n}")).isEqualTo(CheckOutcome.down("answered Refused(5)"));
    }

    @Test
    void aPortWhereNothingListensIsDownByItsIcmpError() throws Exception {
        InetSocketAddress closed;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
        }

        CheckOutcome outcome = kit.probe("DNS_CHECK {\n type A\n name www.example.test\n}", closed);

        assertThat(outcome).isEqualTo(CheckOutcome.down("port unreachable: nothing listens on [127.0.0.1]:" + closed.getPort()));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CheckOutcome outcome = kit.probe("DNS_CHECK {\n connect_timeout 0.5\n}",
                    new InetSocketAddress(silent.getLocalAddress(), silent.getLocalPort()));

            assertThat(outcome).isEqualTo(CheckOutcome.down("timed out after 500 ms"));
        }
    }
}
