package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genhash of the distribution: {@code bin/genhash} in a plain JVM, compared with Debian's genhash on
 * the same page, and {@code keepalived:genhash} in the running container.
 */
class GenhashIT {

    private static final byte[] PAGE = "<html><body>healthy</body></html>\n".getBytes(StandardCharsets.US_ASCII);
    private static final Path DEBIAN_GENHASH = Path.of("/usr/bin/genhash");

    @TempDir
    static Path directory;

    private static Distribution distribution;

    @BeforeAll
    static void unpack() {
        distribution = Distribution.unpack(directory);
    }

    @AfterAll
    static void stop() {
        distribution.close();
    }

    private static HttpServer pageServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/page", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, PAGE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(PAGE);
            }
        });
        server.start();
        return server;
    }

    private static String md5() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(PAGE));
    }

    private static Distribution.Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Distribution.Result(process.exitValue(), new String(output, StandardCharsets.ISO_8859_1));
    }

    @Test
    void binGenhashPrintsWhatDebiansGenhashPrints() throws Exception {
        HttpServer server = pageServer();
        try {
            String port = Integer.toString(server.getAddress().getPort());
            String genhash = distribution.home().resolve("bin/genhash").toString();

            Distribution.Result ours = run(genhash, "-s", "127.0.0.1", "-p", port, "-u", "/page");

            assertThat(ours).isEqualTo(new Distribution.Result(0, md5() + "\n"));
            Assumptions.assumeTrue(Files.isExecutable(DEBIAN_GENHASH), "Debian's genhash (package keepalived) is not installed");
            assertThat(run(DEBIAN_GENHASH.toString(), "-s", "127.0.0.1", "-p", port, "-u", "/page").output()).isEqualTo(ours.output());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void binGenhashSaysWhenTheServerRefuses() throws Exception {
        String port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = Integer.toString(socket.getLocalPort());
        }

        Distribution.Result result = run(distribution.home().resolve("bin/genhash").toString(), "-s", "127.0.0.1", "-p", port, "-u", "/");

        assertThat(result).isEqualTo(new Distribution.Result(1, "Connection failed\n"));
    }

    @Test
    void theShellCommandPrintsTheDigestOfAPageInTheContainersNamespace() throws Exception {
        distribution.start(directory.resolve("console.out"), "-n", "-f", directory.resolve("none.conf").toString(),
                "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
        HttpServer server = distribution.namespace().call(GenhashIT::pageServer);
        try {
            String command = "keepalived:genhash -s 127.0.0.1 -p " + server.getAddress().getPort() + " -u /page";

            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> distribution.shell(command).contains(md5()));
            assertThat(distribution.shell(command + " -v").lines().toList()).contains(
                    "-----------------------[ HTML hash final resulting ]-----------------------", md5());
            assertThat(distribution.shell("keepalived:genhash -s 127.0.0.1 -p 80 -u /page -P 2.0"))
                    .contains("invalid HTTP protocol version '2.0'");
            assertThat(List.of(distribution.shell("keepalived:checkers").split("\n")))
                    .anyMatch(line -> line.startsWith("HTTP_GET") && line.contains("org.jkeepalived.checker-http"))
                    .anyMatch(line -> line.startsWith("SSL_GET") && line.contains("org.jkeepalived.checker-http"));
        } finally {
            server.stop(0);
        }
    }
}
