package org.jkeepalived.checker.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PING_CHECK in namespaces the test makes: the checker's loop runs in one, linked by veth pairs to a
 * host that answers echo requests (IPv4 and IPv6) and to one that ignores them.
 */
class PingCheckerTest {

    private static NetworkNamespace checker;
    private static NetworkNamespace answering;
    private static NetworkNamespace silent;
    private static CheckerTestKit kit;

    @BeforeAll
    static void build() throws Exception {
        NetworkNamespace.assumeAvailable();
        checker = NetworkNamespace.create();
        answering = NetworkNamespace.create();
        silent = NetworkNamespace.create();
        Links.veth(checker, "to-a", answering, "eth0");
        Links.veth(checker, "to-s", silent, "eth0");
        checker.execOrFail("ip", "addr", "add", "10.0.1.1/24", "dev", "to-a");
        checker.execOrFail("ip", "addr", "add", "fd00:1::1/64", "dev", "to-a", "nodad");
        checker.execOrFail("ip", "addr", "add", "10.0.2.1/24", "dev", "to-s");
        answering.execOrFail("ip", "addr", "add", "10.0.1.2/24", "dev", "eth0");
        answering.execOrFail("ip", "addr", "add", "fd00:1::2/64", "dev", "eth0", "nodad");
        silent.execOrFail("ip", "addr", "add", "10.0.2.2/24", "dev", "eth0");
        silent.execOrFail("sysctl", "-qw", "net.ipv4.icmp_echo_ignore_all=1");
        // a new namespace lets no group open ping sockets: the checker must widen the range itself
        checker.execOrFail("sysctl", "-qw", "net.ipv4.ping_group_range=1 0");
        kit = CheckerTestKit.of(new PingCheckerFactory());
        kit.loop().submit(checker::enter).get();
    }

    @AfterAll
    static void destroy() {
        if (kit != null) {
            kit.close();
        }
        for (NetworkNamespace namespace : new NetworkNamespace[] {checker, answering, silent}) {
            if (namespace != null) {
                namespace.close();
            }
        }
    }

    private static CheckOutcome probe(String block, String address) {
        return kit.probe(block, new InetSocketAddress(address, 0));
    }

    @Test
    void aHostThatAnswersIsUpOverIpv4AndIpv6() {
        assertThat(probe("PING_CHECK {\n connect_timeout 2\n}", "10.0.1.2").detail()).matches("echo reply in \\d+ µs");
        assertThat(probe("PING_CHECK {\n connect_timeout 2\n}", "fd00:1::2").detail()).matches("echo reply in \\d+ µs");
        assertThat(checker.execOrFail("cat", "/proc/sys/net/ipv4/ping_group_range").trim().split("\\s+"))
                .as("the range was widened to the checker's group, root's").containsExactly("0", "0");
    }

    @Test
    void aHostThatIgnoresEchoRequestsOrIsAbsentIsDown() {
        assertThat(probe("PING_CHECK {\n connect_timeout 0.5\n}", "10.0.2.2"))
                .isEqualTo(CheckOutcome.down("no echo reply within 500 ms"));
        assertThat(probe("PING_CHECK {\n connect_timeout 0.5\n}", "10.0.1.99"))
                .isEqualTo(CheckOutcome.down("no echo reply within 500 ms"));
    }

    @Test
    void theSourceAddressAndInterfaceAreThoseGiven() {
        assertThat(probe("PING_CHECK {\n bindto 10.0.1.1\n bind_if to-a\n connect_timeout 2\n}", "10.0.1.2").isUp()).isTrue();
        // the answering host has no route back to this source: its reply never comes
        assertThat(probe("PING_CHECK {\n bindto 10.0.2.1\n connect_timeout 0.5\n}", "10.0.1.2").isUp()).isFalse();
        // nothing routes 10.0.1.2 through to-s
        assertThat(probe("PING_CHECK {\n bind_if to-s\n connect_timeout 0.5\n}", "10.0.1.2").isUp()).isFalse();
    }

    @Test
    void pingCheckTakesNoKeywordsOfItsOwn() {
        assertThat(kit.diagnostics("PING_CHECK {\n  count 3\n}")).singleElement()
                .satisfies(diagnostic -> assertThat(diagnostic.message()).isEqualTo("unknown keyword 'count' in PING_CHECK"));
    }
}
