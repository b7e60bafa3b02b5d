package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genhash against Debian's genhash from the keepalived package, on the same real servers: the same
 * digests, the same verbose output, the same messages for servers that refuse, hang, stall or hang up.
 */
class GenhashTest {

    private static final Path DEBIAN_GENHASH = Path.of("/usr/bin/genhash");

    @TempDir
    static Path keys;

    private static TestWebServer http;
    private static TestWebServer https;

    @BeforeAll
    static void start() throws Exception {
        http = TestWebServer.http();
        https = TestWebServer.https(keys);
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    /** What a genhash printed. */
    record Run(String out, String err, int status) {
        /** @return the output without the response time, which differs from run to run */
        String outWithoutTime() {
            return out.replaceAll("= \\d+ usecs", "= N usecs");
        }
    }

    private static Run ours(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenhashCommandLine.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Run(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    private static Run debian(String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DEBIAN_GENHASH), "Debian's genhash (package keepalived) is not installed");
        List<String> command = new ArrayList<>(List.of(DEBIAN_GENHASH.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(new String(out, StandardCharsets.ISO_8859_1), new String(err, StandardCharsets.ISO_8859_1), process.exitValue());
    }

    private static String[] at(TestWebServer server, String path, String... more) {
        List<String> args = new ArrayList<>(List.of("-s", "127.0.0.1", "-p", Integer.toString(server.address().getPort()), "-u", path));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theDigestOfAPageIsDebiansAndTheMd5OfTheBody() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(TestWebServer.PAGE));

        Run ours = ours(at(http, "/page"));

        assertThat(ours).isEqualTo(new Run(md5 + "\n", "", 0));
        assertThat(debian(at(http, "/page")).out()).isEqualTo(ours.out());
        assertThat(ours(at(http, "/missing")).out()).as("a page of any status").isEqualTo(debian(at(http, "/missing")).out());
    }

    @Test
    void theRequestIsDebiansWithEveryProtocolAndVirtualhost() throws Exception {
        // /echo answers with the request line and headers it got: equal digests mean equal requests
        for (String[] options : List.of(new String[0], new String[] {"-P", "1.1"}, new String[] {"-P", "1.0c"},
                new String[] {"-V", "www.example.test"}, new String[] {"--protocol=1.1", "--use-virtualhost", "api.example.test"})) {
            assertThat(ours(at(http, "/echo", options)).out()).as(String.join(" ", options))
                    .isEqualTo(debian(at(http, "/echo", options)).out());
        }
    }

    @Test
    void overTlsWithAndWithoutSniTheDigestsAreDebians() throws Exception {
        assertThat(ours(at(https, "/page", "-S")).out()).isEqualTo(debian(at(https, "/page", "-S")).out()).hasSize(33);
        assertThat(ours(at(https, "/echo", "-S", "-I", "-V", "www.example.test")).out())
                .isEqualTo(debian(at(https, "/echo", "-S", "-I", "-V", "www.example.test")).out());
    }

    @Test
    void theVerboseOutputIsDebiansByteForByte() throws Exception {
        // The server's Date header and how the response is split into reads may differ between two
        // runs: ours must equal one of Debian's runs made just before and after it.
        Run before = null;
        Run ours = null;
        Run after = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            before = debian(at(http, "/page", "-v"));
            ours = ours(at(http, "/page", "-v"));
            after = debian(at(http, "/page", "-v"));
            if (ours.outWithoutTime().equals(before.outWithoutTime()) || ours.outWithoutTime().equals(after.outWithoutTime())) {
                break;
            }
        }

        assertThat(List.of(before.outWithoutTime(), after.outWithoutTime())).contains(ours.outWithoutTime());
        // the body has a section of its own only when it came in a read of its own, for genhash as for us
        assertThat(ours.out()).contains("-----------------------[ HTML hash final resulting ]-----------------------\n",
                "Global response time for [/page] = ");
    }

    @Test
    void aRefusedConnectionIsReportedAsDebianReportsIt() throws Exception {
        String port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = Integer.toString(socket.getLocalPort());
        }
        String[] args = {"-s", "127.0.0.1", "-p", port, "-u", "/"};

        assertThat(ours(args)).isEqualTo(new Run("Connection failed\n", "", 1));
        assertThat(debian(args).out()).isEqualTo("Connection failed\n");
    }

    @Test
    void aServerThatSaysNothingOrStopsOrHangsUpIsReportedAsDebianReportsIt() throws Exception {
        try (SilentServer silent = new SilentServer(); SilentServer hangingUp = SilentServer.hangingUp()) {
            String[] hanging = {"-s", "127.0.0.1", "-p", Integer.toString(silent.address().getPort()), "-u", "/", "-t", "1"};
            String[] hangUp = {"-s", "127.0.0.1", "-p", Integer.toString(hangingUp.address().getPort()), "-u", "/", "-t", "1"};
            String[] stalled = at(http, "/slow", "-t", "1");

            assertThat(ours(hanging)).isEqualTo(new Run("Timeout WEB read\n", "", 1));
            assertThat(debian(hanging).out()).isEqualTo("Timeout WEB read\n");
            assertThat(ours(stalled)).isEqualTo(new Run("Timeout HTTP read\n", "", 1));
            assertThat(debian(stalled).out()).isEqualTo("Timeout HTTP read\n");
            assertThat(ours(hangUp)).isEqualTo(new Run("", "no data received from remote webserver\n", 1));
            assertThat(debian(hangUp).err()).isEqualTo("no data received from remote webserver\n");
        }
    }

    @Test
    void badOptionsArePrintedWithTheUsageAsDebianPrintsThem() throws Exception {
        for (String[] args : List.of(new String[] {"-s", "127.0.0.1", "-p", "0", "-u", "/"},
                new String[] {"-s", "localhost", "-p", "80", "-u", "/"},
                new String[] {"-s", "127.0.0.1", "-p", "80", "-u", "/", "-P", "2.0"},
                new String[] {"-s", "127.0.0.1", "-p", "80", "-u", "/", "-x"},
                new String[] {"-s", "127.0.0.1", "-p", "80", "-u", "/", "extra"},
                new String[] {"-s", "127.0.0.1", "-p", "80", "-u", "/", "-t"})) {
            Run ours = ours(args);
            Run debian = debian(args);

            assertThat(ours.status()).isEqualTo(1);
            assertThat(ours.err().lines().findFirst()).as(String.join(" ", args)).isEqualTo(debian.err().lines().findFirst());
            assertThat(ours.err()).contains("Usage: genhash COMMAND [OPTIONS]");
        }
    }

    @Test
    void withoutServerPortAndUrlOnlyTheUsageIsPrinted() throws IOException {
        Run ours = ours("-s", "127.0.0.1", "-p", "80");

        assertThat(ours.status()).isEqualTo(1);
        assertThat(ours.out()).isEmpty();
        assertThat(ours.err()).startsWith("Usage: genhash COMMAND [OPTIONS]\n");
    }
}
