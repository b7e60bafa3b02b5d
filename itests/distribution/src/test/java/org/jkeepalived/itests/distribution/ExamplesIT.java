package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jkeepalived.itests.distribution.Distribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every configuration of {@code examples/} passes {@code bin/jkeepalived -t} without an error or a warning. */
class ExamplesIT {

    private static final Path EXAMPLES = Path.of(System.getProperty("jkeepalived.source"), "examples");

    @TempDir
    static Path directory;

    private static Distribution distribution;

    @BeforeAll
    static void unpack() {
        distribution = Distribution.unpack(directory);
    }

    @AfterAll
    static void close() {
        distribution.close();
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".conf")).sorted().toList();
        }
    }

    @Test
    void theCommonSetUpsAreThere() throws IOException {
        assertThat(examples()).extracting(file -> file.getFileName().toString()).contains(
                "active-backup.conf", "lvs-nat-http.conf", "lvs-dr-tcp.conf", "unicast-peers.conf", "sync-group-scripts.conf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesTheConfigurationTest(Path example) {
        Result result = distribution.launcher("-t", "-f", example.toString());

        assertThat(result.output()).isEqualTo(example + ": configuration is valid\n");
        assertThat(result.exitCode()).isZero();
    }
}
