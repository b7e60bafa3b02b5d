package org.jkeepalived.checker.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FILE_CHECK following real files that the test writes, named by track_file blocks of a real configuration. */
class FileCheckerTest {

    @TempDir
    Path directory;

    private FileCheckerFactory factory;
    private CheckerTestKit kit;
    private Path weighted;
    private Path plain;

    @BeforeEach
    void configure() {
        weighted = directory.resolve("weighted");
        plain = directory.resolve("plain");
        factory = new FileCheckerFactory();
        kit = CheckerTestKit.of(factory);
        ConfigResult result = ConfigReader.builder().configId("lb1").hostName("lb1").checkers(keyword -> Optional.<CheckerFactory>of(factory)
                .filter(f -> f.keyword().equals(keyword))).build().read("keepalived.conf", """
                track_file weighted {
                    file "%s"
                    weight 2
                    init_file 5
                }
                track_file plain {
                    file "%s"
                    weight 0
                }
                virtual_server 192.0.2.1 80 {
                    protocol TCP
                    real_server 192.0.2.2 80 {
                        FILE_CHECK {
                            track_file weighted
                        }
                    }
                }
                """.formatted(weighted, plain));
        assertThat(result.diagnostics()).isEmpty();
        factory.configApplied(new ConfigUpdate(Optional.empty(), result.config().orElseThrow(), 1));
    }

    @AfterEach
    void close() {
        kit.close();
    }

    private CheckOutcome probe(String block) {
        return kit.bind(block).probe();
    }

    @Test
    void initFileIsWrittenForTheTrackFilesThatFileChecksUse() throws IOException {
        assertThat(Files.readString(weighted)).isEqualTo("5\n");
        assertThat(plain).doesNotExist();
    }

    @Test
    void withWeightZeroAnyNumberButZeroIsDown() throws IOException {
        assertThat(probe("FILE_CHECK {\n track_file plain\n}")).as("a missing file reads 0").isEqualTo(CheckOutcome.up("the file holds 0"));
        Files.writeString(plain, "3\n");
        assertThat(probe("FILE_CHECK {\n track_file plain\n}")).isEqualTo(CheckOutcome.down("the file holds 3"));
        Files.writeString(plain, "0\n");
        assertThat(probe("FILE_CHECK {\n track_file plain\n}")).isEqualTo(CheckOutcome.up("the file holds 0"));
        assertThat(probe("FILE_CHECK {\n track_file plain\n weight 0 reverse\n}"))
                .isEqualTo(CheckOutcome.down("the file holds 0, and 0 is up with reverse"));
    }

    @Test
    void aWeightAddsTheNumberTimesItToTheRealServersWeight() throws IOException {
        assertThat(probe("FILE_CHECK {\n track_file weighted\n}"))
                .as("the track_file's weight 2 times init_file's 5").isEqualTo(CheckOutcome.up("the file holds 5: weight +10").withWeightOffset(10));
        Files.writeString(weighted, "-3\n");
        assertThat(probe("FILE_CHECK {\n track_file weighted\n}").weightOffset()).hasValue(-6);
        assertThat(probe("FILE_CHECK {\n track_file weighted\n weight 10 reverse\n}").weightOffset()).as("the block's weight").hasValue(30);
        assertThat(probe("FILE_CHECK {\n track_file weighted\n weight 2147483647\n}"))
                .isEqualTo(CheckOutcome.down("the file holds -3, times weight 2147483647 is -6442450941"));
    }

    @Test
    void aFileWithoutANumberOrAnUndefinedTrackFileIsDown() throws IOException {
        Files.writeString(weighted, "none\n");

        assertThat(probe("FILE_CHECK {\n track_file weighted\n}"))
                .isEqualTo(CheckOutcome.down("track_file weighted: " + weighted + " holds no number"));
        assertThat(probe("FILE_CHECK {\n track_file elsewhere\n}"))
                .isEqualTo(CheckOutcome.down("track_file elsewhere is not defined in the configuration"));
    }

    @Test
    void theLeadingNumberIsReadAsStrtolReadsIt() throws IOException {
        Files.writeString(plain, "  +12 apples\n");
        assertThat(FileValue.read(plain)).hasValue(12);
        Files.writeString(plain, "-7");
        assertThat(FileValue.read(plain)).hasValue(-7);
        Files.writeString(plain, "");
        assertThat(FileValue.read(plain)).hasValue(0);
    }

    @Test
    void badBlocksAreErrorsAtTheirLine() {
        assertThat(kit.diagnostics("FILE_CHECK {\n  weight 1\n}")).extracting(d -> d.line() + ": " + d.message())
                .containsExactly("1: FILE_CHECK needs the track_file it follows: track_file NAME");
        assertThat(kit.diagnostics("FILE_CHECK {\n  track_file a\n  weight heavy sideways\n  dynamic yes\n  connect_timeout 3\n}"))
                .extracting(d -> d.line() + ": " + d.message())
                .containsExactly(
                        "5: 'connect_timeout' does not apply to FILE_CHECK");
        assertThat(kit.diagnostics("FILE_CHECK {\n  track_file a\n  weight heavy sideways\n  dynamic yes\n}"))
                .extracting(d -> d.line() + ": " + d.message())
                .containsExactly(
                        "3: weight is a number from -2147483647 to 2147483647, not 'heavy'",
                        "3: weight takes a number and optionally reverse or noreverse",
                        "4: dynamic takes no value");
    }
}
