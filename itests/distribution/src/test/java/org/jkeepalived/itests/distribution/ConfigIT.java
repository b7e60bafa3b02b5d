package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration service in the running container: the file named by -f is read at start with
 * the config id of -i, and the shell shows it resolved and checks other files.
 */
class ConfigIT {

    @TempDir
    static Path directory;

    private static Distribution distribution;

    @BeforeAll
    static void boot() throws IOException {
        Files.createDirectories(directory.resolve("conf.d"));
        Files.writeString(directory.resolve("conf.d/vrrp.conf"), """
                vrrp_instance VI_${N} {
                    interface eth0
                    virtual_router_id ${N}
                    @lb1 priority 150
                    @^lb1 priority 50
                    virtual_ipaddress {
                        192.0.2.${N}/24
                    }
                }
                """);
        Files.writeString(directory.resolve("keepalived.conf"), """
                ! The configuration of the test: an include, a definition, a conditional line and a sequence.
                global_defs {
                    router_id lb1  # this host
                }
                ~SEQ(N, 1, 2) include conf.d/vrrp.conf
                """);
        distribution = Distribution.unpack(directory);
        distribution.start(directory.resolve("console.out"), "-n", "-d", "-i", "lb1", "-f",
                directory.resolve("keepalived.conf").toString(), "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
    }

    @AfterAll
    static void stop() {
        distribution.close();
    }

    @Test
    void configDumpPrintsTheResolvedConfiguration() {
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> distribution.shell("keepalived:config-dump").contains("router_id"));

        assertThat(distribution.shell("keepalived:config-dump")).contains("""
                global_defs {
                    router_id lb1
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    priority 150
                    virtual_ipaddress {
                        192.0.2.1/24
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 2
                    priority 150
                    virtual_ipaddress {
                        192.0.2.2/24
                    }
                }
                """).contains("# " + directory.resolve("keepalived.conf") + ", config id lb1");
    }

    @Test
    void theResolvedConfigurationIsLoggedWithDumpConf() {
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> distribution.logText().contains("resolved configuration"));

        assertThat(distribution.logText())
                .contains("configuration " + directory.resolve("keepalived.conf") + " applied (generation 1, config id lb1): "
                        + "2 vrrp_instance, 0 virtual_server, 0 warnings")
                .contains("  vrrp_instance VI_2 {");
    }

    @Test
    void configTestChecksAFileWithoutApplyingIt() throws IOException {
        Path bad = Files.writeString(directory.resolve("bad.conf"), "vrrp_instance VI_1 {\n    intreface eth0\n}\n");

        String output = distribution.shell("keepalived:config-test " + bad);

        assertThat(output).contains(bad + ":2:5: error: unknown keyword 'intreface' in vrrp_instance VI_1; did you mean 'interface'?")
                .contains(bad + ": 3 errors, 1 warning");
        assertThat(distribution.shell("keepalived:config-dump")).contains("vrrp_instance VI_2 {");
    }
}
