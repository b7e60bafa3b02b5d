package org.jkeepalived.lvs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealServerNotifierTest {

    @TempDir
    Path directory;

    private final RealServerNotifier notifier = new RealServerNotifier();

    @Test
    void notifyUpAndNotifyDownRunOnTheTransitionsOnly() throws Exception {
        Path log = directory.resolve("notify.log");
        VirtualServer server = apply("""
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                        notify_up "/bin/sh -c 'echo up 10.0.0.1 >> %1$s'"
                        notify_down "/bin/sh -c 'echo down 10.0.0.1 >> %1$s'"
                    }
                    real_server 10.0.0.2 8080 {
                    }
                }
                """.formatted(log));

        tell(server, 0, HealthEvent.Kind.ADDED, true);
        tell(server, 0, HealthEvent.Kind.DOWN, false);
        awaitLines(log, 1);
        tell(server, 0, HealthEvent.Kind.WEIGHT, false);
        tell(server, 1, HealthEvent.Kind.DOWN, false);
        tell(server, 0, HealthEvent.Kind.UP, true);

        assertThat(awaitLines(log, 2)).containsExactly("down 10.0.0.1", "up 10.0.0.1");
    }

    @Test
    void aReloadedConfigurationGivesTheScriptsOfItsRealServers() throws Exception {
        Path log = directory.resolve("notify.log");
        String config = """
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                        notify_down "/bin/sh -c 'echo %s >> %s'"
                    }
                }
                """;
        apply(config.formatted("first", log));
        VirtualServer server = apply(config.formatted("second", log));

        tell(server, 0, HealthEvent.Kind.DOWN, false);

        assertThat(awaitLines(log, 1)).containsExactly("second");
    }

    @Test
    void aScriptThatCannotStartLeavesTheListenerWorking() throws Exception {
        Path log = directory.resolve("notify.log");
        VirtualServer server = apply("""
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                        notify_down %s/no-such-script
                        notify_up "/bin/sh -c 'echo up >> %s'"
                    }
                }
                """.formatted(directory, log));

        tell(server, 0, HealthEvent.Kind.DOWN, false);
        tell(server, 0, HealthEvent.Kind.UP, true);

        assertThat(awaitLines(log, 1)).containsExactly("up");
    }

    @Test
    void aScriptEnableScriptSecurityRefusesDoesNotRunAndRunsWithoutIt() throws Exception {
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path down = open.resolve("down.sh");
        Files.writeString(down, "#!/bin/sh\necho down >> \"$1\"\n");
        Files.setPosixFilePermissions(down, PosixFilePermissions.fromString("rwxr-xr-x"));
        String config = """
                global_defs {
                    script_user root
                    %s
                }
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    real_server 10.0.0.1 8080 {
                        notify_down "%s %s"
                        notify_up "/bin/sh -c 'echo up >> %s'"
                    }
                }
                """;
        Path secured = directory.resolve("secured.log");
        VirtualServer server = apply(config.formatted("enable_script_security", down, secured, secured));
        tell(server, 0, HealthEvent.Kind.DOWN, false);
        tell(server, 0, HealthEvent.Kind.UP, true);
        assertThat(awaitLines(secured, 1)).containsExactly("up");

        Path tolerated = directory.resolve("tolerated.log");
        server = apply(config.formatted("", down, tolerated, tolerated));
        tell(server, 0, HealthEvent.Kind.DOWN, false);
        awaitLines(tolerated, 1);
        tell(server, 0, HealthEvent.Kind.UP, true);
        assertThat(awaitLines(tolerated, 2)).containsExactly("down", "up");
    }

    private VirtualServer apply(String text) {
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test").build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        KeepalivedConfig config = result.config().orElseThrow();
        notifier.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
        return config.virtualServers().get(0);
    }

    private void tell(VirtualServer server, int index, HealthEvent.Kind kind, boolean up) {
        RealServer real = server.realServers().get(index);
        RealServerKey key = RealServerKey.of(server, real);
        notifier.healthChanged(new HealthEvent(kind, new RealServerHealth(key, up, real.weight(), real.weight(), Instant.now(), List.of()),
                "test", Optional.empty()));
    }

    /** The lines of the log once it has {@code count}, waiting up to 10 s for the scripts. */
    private static List<String> awaitLines(Path log, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).size() >= count) {
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(200); // a script started by mistake would have written by now
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
