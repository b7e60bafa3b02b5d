package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the assembled distribution and hot-deploys a separately built checker plugin into it.
 */
class HotDeployIT {

    private static final Pattern SERVED_ROW = Pattern.compile(
            "PATH_CHECK\\s*\\|\\s*org\\.jkeepalived\\.itests\\.path-checker\\s*\\|\\s*0\\.1\\.0\\.SNAPSHOT\\s*\\|\\s*\\d+\\s*\\|\\s*serving");

    @TempDir
    static Path directory;

    private static Distribution distribution;

    @BeforeAll
    static void boot() {
        distribution = Distribution.unpack(directory);
        distribution.start(directory.resolve("console.out"),
                "-n", "-f", "etc/keepalived/keepalived.conf", "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
    }

    @AfterAll
    static void stop() {
        distribution.close();
    }

    @Test
    void theVersionCommandNamesTheProductKarafAndTheCollector() {
        String version = distribution.shell("keepalived:version");

        assertThat(version)
                .contains("jkeepalived " + Distribution.VERSION + " (keepalived 2.3.4 configuration and VRRP)")
                .contains("Karaf 4.4.10")
                .contains("ZGC");
    }

    @Test
    void aCheckerDroppedIntoDeployIsServedUntilItIsRemoved() throws Exception {
        assertThat(distribution.shell("keepalived:checkers")).contains("Keyword").doesNotContain("PATH_CHECK");
        Path plugin = distribution.deployDirectory().resolve("path-checker.jar");

        Files.copy(Path.of(System.getProperty("path-checker.jar")), plugin);

        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> SERVED_ROW.matcher(distribution.shell("keepalived:checkers")).find());
        assertThat(distribution.logText())
                .contains("checker PATH_CHECK registered by org.jkeepalived.itests.path-checker 0.1.0.SNAPSHOT");

        Files.delete(plugin);

        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> !distribution.shell("keepalived:checkers").contains("PATH_CHECK"));
        assertThat(distribution.logText())
                .contains("checker PATH_CHECK unregistered by org.jkeepalived.itests.path-checker 0.1.0.SNAPSHOT");
    }

    @Test
    void aPluginKeptInDeployServesTheFirstConfigurationOfARestart() throws Exception {
        Path home = Files.createDirectories(directory.resolve("restart"));
        Path config = Files.writeString(home.resolve("keepalived.conf"), """
                virtual_server 192.0.2.100 80 {
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 127.0.0.1 8080 {
                        PATH_CHECK {
                            path %s
                        }
                    }
                }
                """.formatted(home.resolve("keepalived.conf")));
        try (Distribution restarted = Distribution.unpack(home)) {
            Files.copy(Path.of(System.getProperty("path-checker.jar")), restarted.deployDirectory().resolve("path-checker.jar"));
            Process first = restarted.start(home.resolve("first.out"), "-n", "-C", "-f", config.toString(),
                    "-p", home.resolve("keepalived.pid").toString());
            restarted.awaitShell();
            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> SERVED_ROW.matcher(restarted.shell("keepalived:checkers")).find());
            first.destroy();
            assertThat(first.waitFor(60, SECONDS)).isTrue();
            int firstRun = restarted.logText().length();

            restarted.start(home.resolve("second.out"), "-n", "-C", "-f", config.toString(),
                    "-p", home.resolve("keepalived.pid").toString());
            restarted.awaitShell();

            // deploy/ starts with the built-in checkers, before the configuration is read
            String restart = restarted.logText().substring(firstRun);
            assertThat(restart).containsPattern("configuration .* applied \\(generation 1, .*\\): 0 vrrp_instance, 1 virtual_server, 0 warnings");
            assertThat(restart.indexOf("checker PATH_CHECK registered")).isNotNegative()
                    .isLessThan(restart.indexOf("configuration " + config));
            await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> restarted.shell("keepalived:checks").contains("PATH_CHECK"));
        }
    }
}
