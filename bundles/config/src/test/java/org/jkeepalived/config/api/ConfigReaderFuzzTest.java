package org.jkeepalived.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader takes untrusted input: whatever the bytes, it answers with diagnostics and never throws.
 * Inputs are random bytes, random mixes of the syntax's special words, and real configurations cut
 * short or mutated at random places. Seeds are fixed, so that a failure can be replayed.
 */
class ConfigReaderFuzzTest {

    static final String[] PIECES = {"{", "}", "\"", "'", "\\", "\n", " ", "\t", "#", "!", "$", "${", "$A=", "$B= \\\n",
        "$A", "${_RANDOM 9 1}", "${_PWD}", "@main ", "@^main ", "@", "~SEQ(", "~SEQx(", "~LST(", "{a,b}", ",", ")", "(", "0x",
        "-1", "999999999999999999999", "include ", "includew ", "*.conf", "../", "/", "vrrp_instance VI_1 {\n",
        "virtual_ipaddress {\n", "10.0.0.1/24", "fe80::1", "virtual_server 10.0.0.1 80 {\n", "real_server 10.0.0.2 80 {\n",
        "TCP_CHECK {\n", "HTTP_GET {\n", "url {\n", "virtual_server_group G {\n", "global_defs {\n", "static_routes {\n",
        "via", "dev", "table", "nexthop", "track_script {\n", "vrrp_script s {\n", "script ", "weight", "priority",
        "virtual_router_id", "authentication {\n", "auth_type", "lvs_method", "TUN", "type", "gue", "port", "interface",
        "unicast_peer {\n", "vrrp_sync_group g {\n", "group {\n", "notify_master", "\u00e9", "\u0000", "\r", "\f"};

    private static final Pattern BACKSLASH_AT_END = Pattern.compile("(?s).*\\\\[ \t\f\u000b\r]*");

    @TempDir
    Path directory;

    @Test
    void randomBytesGiveDiagnosticsNotExceptions() throws IOException {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            readFile(bytes);
        }
    }

    @Test
    void randomSyntaxGivesDiagnosticsNotExceptions() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(200);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            readFile(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void truncatedAndMutatedSamplesGiveDiagnosticsNotExceptions() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (byte[] sample : samples()) {
            for (int cut = 0; cut < sample.length; cut += 1 + random.nextInt(23)) {
                readFile(java.util.Arrays.copyOf(sample, cut));
            }
            for (int i = 0; i < 100; i++) {
                byte[] mutated = sample.clone();
                for (int m = 0; m < 1 + random.nextInt(8); m++) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                readFile(mutated);
            }
        }
    }

    private void readFile(byte[] bytes) throws IOException {
        Path file = Files.write(directory.resolve("keepalived.conf"), bytes);
        assertReadWell(Configs.reader().read(file), new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * What any input must give: a tree, a configuration exactly when there is no error, one-line
     * messages, and a tree that prints back as text that reads as the same tree.
     */
    static void assertReadWell(ConfigResult result, String input) {
        assertThat(result.tree()).isNotNull();
        assertThat(result.config().isPresent()).isEqualTo(!result.hasErrors());
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertThat(diagnostic.message()).isNotBlank().doesNotContain("\n");
        }
        String rendered = result.tree().render();
        if (printable(result, rendered)) {
            ConfigResult again = Configs.reader().read("again.conf", rendered);
            assertThat(again.tree()).as("render of %s", input).isEqualTo(result.tree());
        }
    }

    /**
     * Whether text prints back: not when a quote was left open, nor when a word ends with a backslash,
     * which would continue its printed line. Neither can be in a configuration that has no error.
     */
    private static boolean printable(ConfigResult result, String rendered) {
        return result.diagnostics().stream().noneMatch(d -> d.message().startsWith("missing closing"))
                && rendered.lines().noneMatch(line -> BACKSLASH_AT_END.matcher(line).matches());
    }

    /** The upstream samples, when the shared material is there; the other tests cover the rest. */
    private static List<byte[]> samples() throws IOException {
        List<byte[]> samples = new ArrayList<>();
        String shared = System.getProperty("jkeepalived.shared");
        Path directory = shared == null ? null : Path.of(shared, "conformance/keepalived-samples");
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.sorted().toList()) {
                    samples.add(Files.readAllBytes(file));
                }
            }
        }
        samples.add(("$X= \\\n a ${Y} \\\n b {\n ~SEQ(Y,1,3) $X\n").getBytes(StandardCharsets.UTF_8));
        // $_BANG is no reference before a brace, and must not become one when printed before a blank
        samples.add("a $_BANG{\n}\n".getBytes(StandardCharsets.UTF_8));
        return samples;
    }
}
