package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSL_GET against a real HTTPS server with a self-signed certificate made for the test. */
class SslCheckerTest {

    @TempDir
    static Path keys;

    private static TestWebServer https;
    private static TestWebServer http;
    private static CheckerTestKit kit;

    @BeforeAll
    static void start() throws Exception {
        https = TestWebServer.https(keys);
        http = TestWebServer.http();
        kit = CheckerTestKit.of(new HttpGetCheckerFactory(), new SslGetCheckerFactory());
    }

    @AfterAll
    static void stop() {
        kit.close();
        https.close();
        http.close();
    }

    @Test
    void aPageOverTlsIsCheckedLikeOneOverHttpWithoutVerifyingTheCertificate() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(TestWebServer.PAGE));

        CheckOutcome outcome = kit.probe("SSL_GET {\n url {\n  path /page\n  digest " + digest + "\n  regex healthy\n }\n}", https.address());

        assertThat(outcome.isUp()).as(outcome.toString()).isTrue();
        assertThat(kit.probe("SSL_GET {\n url {\n  path /missing\n }\n}", https.address()))
                .isEqualTo(CheckOutcome.down("url /missing: status 404 Not Found, expected 200-299"));
    }

    @Test
    void enableSniSendsTheVirtualhostAsServerName() {
        assertThat(kit.probe("SSL_GET {\n enable_sni\n virtualhost www.example.test\n url {\n  path /echo\n"
                + "  regex \"host=www.example.test\\n(.*\\n)*sni=www.example.test\\n\"\n }\n}", https.address()).isUp()).isTrue();
        assertThat(kit.probe("SSL_GET {\n virtualhost www.example.test\n url {\n  path /echo\n  regex \"sni=\\n\"\n }\n}",
                https.address()).isUp()).as("no server name without enable_sni").isTrue();
        assertThat(kit.probe("SSL_GET {\n enable_sni\n url {\n  path /echo\n  virtualhost api.example.test\n  regex \"sni=api.example.test\\n\"\n }\n}",
                https.address()).isUp()).as("the url's virtualhost").isTrue();
    }

    @Test
    void tlsToAPlainHttpServerFailsItsHandshake() {
        CheckOutcome outcome = kit.probe("SSL_GET {\n url {\n  path /ok\n }\n connect_timeout 2\n}", http.address());

        assertThat(outcome.isUp()).isFalse();
        assertThat(outcome.detail()).startsWith("url /ok: TLS ");
    }

    @Test
    void plainHttpToATlsServerGetsNoHttpResponse() {
        CheckOutcome outcome = kit.probe("HTTP_GET {\n url {\n  path /ok\n }\n connect_timeout 2\n}", https.address());

        assertThat(outcome.isUp()).isFalse();
        assertThat(outcome.detail()).startsWith("url /ok: ");
    }

    @Test
    void aTlsServerThatSaysNothingFailsItsHandshakeInTime() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            CheckOutcome outcome = kit.probe("SSL_GET {\n url {\n  path /ok\n }\n connect_timeout 0.5\n}", silent.address());

            assertThat(outcome.isUp()).isFalse();
            assertThat(outcome.detail()).startsWith("url /ok: TLS handshake");
            assertThat(silent.awaitClientClose(5)).isTrue();
        }
    }
}
