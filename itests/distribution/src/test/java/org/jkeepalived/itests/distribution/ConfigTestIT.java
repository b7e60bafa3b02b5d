package org.jkeepalived.itests.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jkeepalived.itests.distribution.Distribution.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/jkeepalived -t}: keepalived's configuration test, in a plain JVM, without the container. */
class ConfigTestIT {

    @TempDir
    Path directory;

    private Distribution distribution;

    @BeforeEach
    void unpack() {
        distribution = Distribution.unpack(directory);
    }

    @AfterEach
    void close() {
        distribution.close();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void aValidConfigurationExitsZeroQuicklyWithoutStartingTheContainer() throws IOException {
        Path config = write("keepalived.conf", """
                $IF=eth0
                vrrp_instance VI_1 {
                    interface $IF
                    virtual_router_id 51
                    @lb1 priority 150
                    virtual_ipaddress {
                        192.0.2.1/24
                    }
                }
                """);
        long start = System.nanoTime();
        Result result = distribution.launcher("-i", "lb1", "-t", "-f", config.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo(config + ": configuration is valid\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(distribution.log()).doesNotExist();
    }

    @Test
    void aConfigurationWithAnErrorExitsFourAndSaysWhere() throws IOException {
        Path config = write("keepalived.conf", """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 300
                    virtual_ipaddress {
                        192.0.2.1/24
                    }
                }
                """);
        Result result = distribution.launcher("--config-test", "--use-file=" + config);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.output()).isEqualTo(
                config + ":3:23: error: virtual_router_id: '300' is not valid; expected an integer from 1 to 255\n"
                        + config + ": 1 error, 0 warnings\n");
    }

    @Test
    void aMissingIncludeExitsFourAndAMissingFileThree() throws IOException {
        Path config = write("keepalived.conf", "global_defs {\n    router_id lb1\n}\ninclude conf.d/vrrp.conf\n");
        Result missingInclude = distribution.launcher("-t", "-f", config.toString());
        Result missingFile = distribution.launcher("-t", "-f", directory.resolve("nothing.conf").toString());

        assertThat(missingInclude.exitCode()).isEqualTo(4);
        assertThat(missingInclude.output()).startsWith(config + ":4:9: error: cannot include 'conf.d/vrrp.conf': no such file "
                + directory.resolve("conf.d/vrrp.conf"));
        assertThat(missingFile.exitCode()).isEqualTo(3);
        assertThat(missingFile.output()).startsWith(directory.resolve("nothing.conf") + ": error: cannot read: no such file");
    }

    @Test
    void withAFileTheDiagnosticsGoThere() throws IOException {
        Path config = write("keepalived.conf", "global_defs {\n    router_di lb1\n}\n");
        Path report = directory.resolve("report.txt");
        Result result = distribution.launcher("-t" + report, "-f", config.toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.output()).isEmpty();
        assertThat(report).hasContent(config + ":2:5: error: unknown keyword 'router_di' in global_defs; did you mean 'router_id'?\n"
                + config + ": 1 error, 0 warnings");
    }

    @Test
    void theCheckerPluginsOfDeployCheckTheirBlocks() throws IOException {
        Files.copy(Path.of(System.getProperty("path-checker.jar")), distribution.deployDirectory().resolve("path-checker.jar"));
        Path config = write("keepalived.conf", """
                virtual_server 192.0.2.1 80 {
                    protocol TCP
                    real_server 192.0.2.2 80 {
                        PATH_CHECK {
                            paths /run/up
                            delay_loop 5
                        }
                    }
                }
                """);
        Result result = distribution.launcher("-t", "-f", config.toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.output()).isEqualTo(
                config + ":5:13: error: unknown keyword 'paths' in PATH_CHECK; did you mean 'path'?\n"
                        + config + ": 1 error, 0 warnings\n");
    }
}
