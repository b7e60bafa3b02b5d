package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.testing.netns.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading as operators do: SIGHUP (systemctl reload) and keepalived:reload; a broken file changes nothing. */
class ReloadIT {

    private static final String BASE = """
            global_defs {
                router_id lb1
            }
            """;
    private static final String WITH_SERVER = BASE + """
            virtual_server 192.0.2.1 80 {
                protocol TCP
                real_server 192.0.2.2 80 {
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void sighupAndTheReloadCommandApplyTheFileAgainAndABrokenFileChangesNothing() throws Exception {
        Path config = Files.writeString(directory.resolve("keepalived.conf"), BASE);
        Path pidFile = directory.resolve("keepalived.pid");
        try (Distribution distribution = Distribution.unpack(directory)) {
            Process process = distribution.start(directory.resolve("console.out"), "-n", "-f", config.toString(), "-p", pidFile.toString());
            distribution.awaitShell();
            await().atMost(30, SECONDS).until(() -> distribution.logText().contains("applied (generation 1"));

            Files.writeString(config, WITH_SERVER);
            String pid = Files.readString(pidFile).trim();
            assertThat(Command.run(List.of("kill", "-HUP", pid)).succeeded()).isTrue();
            await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200))
                    .until(() -> distribution.logText().contains("applied (generation 2, config id"));
            assertThat(distribution.logText()).contains("SIGHUP: reloading " + config).contains("1 virtual_server");
            assertThat(process.isAlive()).as("SIGHUP must not stop jkeepalived").isTrue();

            Files.writeString(config, WITH_SERVER.replace("protocol TCP", "protocol TCP\n    lb_algo nosuch"));
            String answer = distribution.shell("keepalived:reload");
            assertThat(answer).contains(config + ":6").contains("not applied, the running configuration stays");
            assertThat(distribution.logText()).doesNotContain("applied (generation 3");

            Files.writeString(config, BASE);
            assertThat(distribution.shell("keepalived:reload")).contains("; applied");
            await().atMost(30, SECONDS).until(() -> distribution.logText().contains("applied (generation 3"));
            assertThat(process.isAlive()).isTrue();
        }
    }
}
