package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP_GET against a real HTTP server on loopback, and against servers that refuse, hang or stall. */
class HttpCheckerTest {

    private static TestWebServer web;
    private static CheckerTestKit kit;

    @BeforeAll
    static void start() throws IOException {
        web = TestWebServer.http();
        kit = CheckerTestKit.of(new HttpGetCheckerFactory(), new SslGetCheckerFactory());
    }

    @AfterAll
    static void stop() {
        kit.close();
        web.close();
    }

    private static CheckOutcome probe(String block) {
        return kit.probe(block, web.address());
    }

    @Test
    void aPageWithAStatusOfTwoHundredIsUp() {
        CheckOutcome outcome = probe("HTTP_GET {\n url {\n  path /ok\n }\n connect_timeout 2\n}");

        assertThat(outcome.isUp()).as(outcome.toString()).isTrue();
        assertThat(outcome.detail()).isEqualTo("url /ok answered as expected");
    }

    @Test
    void aStatusOutsideTheAcceptedOnesIsDown() {
        CheckOutcome outcome = probe("HTTP_GET {\n url {\n  path /missing\n }\n}");

        assertThat(outcome).isEqualTo(CheckOutcome.down("url /missing: status 404 Not Found, expected 200-299"));
    }

    @Test
    void statusCodesTakeRangesAndLists() {
        assertThat(probe("HTTP_GET {\n url {\n  path /missing\n  status_code 200 404 500-599\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /unavailable\n  status_code 200 404 500-599\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /ok\n  status_code 404 500-599\n }\n}"))
                .isEqualTo(CheckOutcome.down("url /ok: status 200 OK, expected 404 500-599"));
    }

    @Test
    void theDigestIsTheMd5OfTheBody() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(TestWebServer.PAGE));

        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  digest " + digest + "\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  digest " + digest.toUpperCase() + "\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /ok\n  digest " + digest + "\n }\n}"))
                .isEqualTo(CheckOutcome.down("url /ok: digest " + HexFormat.of().formatHex(
                        MessageDigest.getInstance("MD5").digest("ok\n".getBytes())) + " of 3 bytes, expected " + digest));
    }

    @Test
    void aRegexMustMatchTheBodyOrNotWithRegexNoMatch() {
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex \"status: (healthy|degraded)\"\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex \"status: down\"\n }\n}"))
                .isEqualTo(CheckOutcome.down("url /page: the body does not match regex 'status: down'"));
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex \"status: down\"\n  regex_no_match\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex healthy\n  regex_no_match\n }\n}"))
                .isEqualTo(CheckOutcome.down("url /page: the body matches regex_no_match 'healthy'"));
    }

    @Test
    void regexOptionsAndOffsetsBoundTheMatch() {
        String page = new String(TestWebServer.PAGE);
        int at = page.indexOf("healthy");

        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex HEALTHY\n }\n}").isUp()).isFalse();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex HEALTHY\n  regex_options caseless\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex \"^<p>backends\"\n  regex_options multiline\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex healthy\n  regex_min_offset " + at + "\n  regex_max_offset " + at + "\n }\n}").isUp())
                .isTrue();
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex healthy\n  regex_min_offset " + (at + 1) + "\n }\n}"))
                .isEqualTo(CheckOutcome.down("url /page: the body does not match regex 'healthy' between offsets " + (at + 1) + " and the end"));
        assertThat(probe("HTTP_GET {\n url {\n  path /page\n  regex healthy\n  regex_max_offset " + (at - 1) + "\n }\n}").isUp()).isFalse();
    }

    @Test
    void theRequestIsKeepalivedsWithTheHostOfTheTargetOrTheVirtualhost() {
        String hostPort = "127.0.0.1:" + web.address().getPort();

        assertThat(probe("HTTP_GET {\n url {\n  path /echo\n  regex \"request=GET /echo HTTP/1.0\\nhost=" + hostPort
                + "\\nconnection=\\nuser-agent=KeepAliveClient\\n\"\n }\n}").isUp()).isTrue();
        assertThat(probe("HTTP_GET {\n virtualhost www.example.test\n url {\n  path /echo\n  regex \"host=www.example.test\\n\"\n }\n}").isUp())
                .isTrue();
        assertThat(probe("HTTP_GET {\n virtualhost www.example.test\n url {\n  path /echo\n  virtualhost api.example.test\n"
                + "  regex \"host=api.example.test\\n\"\n }\n}").isUp()).isTrue();
    }

    @Test
    void theHostOfAnIpv6TargetIsBracketed() throws IOException {
        try (TestWebServer v6 = TestWebServer.http(InetAddress.getByName("::1"))) {
            assertThat(kit.probe("HTTP_GET {\n url {\n  path /echo\n  regex \"host=.::1.:" + v6.address().getPort() + "\\n\"\n }\n}",
                    v6.address()).isUp()).isTrue();
        }
    }

    @Test
    void httpProtocolSetsTheVersionAndConnectionClose() {
        assertThat(probe("HTTP_GET {\n http_protocol 1.1\n url {\n  path /echo\n  regex \"HTTP/1.1\\nhost=[^\\n]+\\nconnection=close\\n\"\n }\n}").isUp())
                .isTrue();
        assertThat(probe("HTTP_GET {\n http_protocol 1.0C\n url {\n  path /echo\n  regex \"HTTP/1.0\\nhost=[^\\n]+\\nconnection=close\\n\"\n }\n}").isUp())
                .isTrue();
    }

    @Test
    void everyUrlIsCheckedAndTheFirstFailureSaysWhich() {
        assertThat(probe("HTTP_GET {\n url {\n  path /ok\n }\n url {\n  path /page\n }\n}"))
                .isEqualTo(CheckOutcome.up("2 urls answered as expected"));
        assertThat(probe("HTTP_GET {\n url {\n  path /ok\n }\n url {\n  path /unavailable\n }\n url {\n  path /page\n }\n}"))
                .isEqualTo(CheckOutcome.down("url /unavailable: status 503 Service Unavailable, expected 200-299"));
    }

    @Test
    void aRefusedConnectionIsDown() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }

        CheckOutcome outcome = kit.probe("HTTP_GET {\n url {\n  path /ok\n }\n}", closed);

        assertThat(outcome).isEqualTo(CheckOutcome.down("url /ok: connection refused"));
    }

    @Test
    void aServerThatAcceptsAndSaysNothingTimesOutAndItsConnectionIsClosed() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();

            CheckOutcome outcome = kit.probe("HTTP_GET {\n url {\n  path /ok\n }\n connect_timeout 0.5\n}", silent.address());

            assertThat(outcome).isEqualTo(CheckOutcome.down("url /ok: no response within 500 ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
            assertThat(silent.awaitClientClose(5)).as("the checker closed its connection").isTrue();
        }
    }

    @Test
    void aBodyThatStopsHalfWayTimesOut() {
        CheckOutcome outcome = probe("HTTP_GET {\n url {\n  path /slow\n }\n connect_timeout 0.5\n}");

        assertThat(outcome).isEqualTo(CheckOutcome.down("url /slow: the response stopped for 500 ms after 10 bytes of body"));
    }

    @Test
    void theConnectionOfAProbeCancelledByTheEngineIsClosed() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            // two urls: the engine's budget (2 x connect_timeout x urls) is what ends the probe, not the checker's read timeout
            var bound = kit.bind("HTTP_GET {\n url {\n  path /a\n }\n connect_timeout 3\n}", silent.address());
            var checker = bound.newChecker();
            var probe = kit.loop().submit(checker::check).get();

            probe.cancel(true);

            assertThat(silent.awaitClientClose(5)).as("the cancelled probe closed its connection").isTrue();
            kit.loop().submit(checker::close).get();
        }
    }
}
