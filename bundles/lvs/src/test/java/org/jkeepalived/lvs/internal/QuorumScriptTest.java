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
import java.util.concurrent.Executors;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quorum_up and quorum_down under enable_script_security, on the userspace data plane on loopback. */
class QuorumScriptTest {

    @TempDir
    Path directory;

    @Test
    void aQuorumScriptEnableScriptSecurityRefusesDoesNotRunAndRunsWithoutIt() throws Exception {
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path down = open.resolve("down.sh");
        Files.writeString(down, "#!/bin/sh\necho down >> \"$1\"\n");
        Files.setPosixFilePermissions(down, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path secured = directory.resolve("secured.log");
        loseAndRegainQuorum("enable_script_security", down, secured);
        assertThat(lines(secured)).as("quorum_down was refused").containsExactly("up");

        Path tolerated = directory.resolve("tolerated.log");
        loseAndRegainQuorum("", down, tolerated);
        assertThat(lines(tolerated)).containsExactly("down", "up");
    }

    private void loseAndRegainQuorum(String security, Path down, Path log) throws IOException, InterruptedException {
        KeepalivedConfig config = read("""
                global_defs {
                    script_user root
                    %s
                }
                virtual_server 127.0.0.1 18086 {
                    protocol TCP
                    quorum 1
                    quorum_down "%s %s"
                    quorum_up "/bin/sh -c 'echo up >> %s'"
                    real_server 127.0.0.1 18087 {
                        weight 1
                    }
                }
                """.formatted(security, down, log, log));
        VirtualServer server = config.virtualServers().get(0);
        try (UserspaceDataPlane plane = new UserspaceDataPlane(Executors.defaultThreadFactory(), 1)) {
            VirtualServers servers = new VirtualServers(plane);
            servers.configApplied(new ConfigUpdate(Optional.empty(), config, 1));
            tell(servers, server, HealthEvent.Kind.ADDED, true);
            tell(servers, server, HealthEvent.Kind.DOWN, false);
            // the script that runs on losing quorum, or time enough for it to have run
            awaitLine(log, security.isEmpty() ? "down" : "never written");
            tell(servers, server, HealthEvent.Kind.UP, true);
            awaitLine(log, "up");
            servers.stop();
        }
    }

    private static KeepalivedConfig read(String text) {
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test").build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow();
    }

    private static void tell(VirtualServers servers, VirtualServer server, HealthEvent.Kind kind, boolean up) {
        RealServer real = server.realServers().get(0);
        servers.healthChanged(new HealthEvent(kind, new RealServerHealth(RealServerKey.of(server, real), up, real.weight(),
                real.weight(), Instant.now(), List.of()), "test", Optional.empty()));
    }

    /** Waits up to 10 s for the line, then a little more for a script started by mistake to write. */
    private static void awaitLine(Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (line.equals("never written") ? Duration.ofMillis(500) : Duration.ofSeconds(10))
                .toNanos();
        while (System.nanoTime() < deadline && !lines(log).contains(line)) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
