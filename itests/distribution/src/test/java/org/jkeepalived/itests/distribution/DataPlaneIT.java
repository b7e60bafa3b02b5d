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

/** The data plane in the running container: which backend runs, and why, said in the log. */
class DataPlaneIT {

    @TempDir
    static Path directory;

    private static Distribution distribution;

    @BeforeAll
    static void boot() throws IOException {
        Files.writeString(directory.resolve("keepalived.conf"), "global_defs {\n    router_id lb1\n}\n");
        distribution = Distribution.unpack(directory);
        distribution.start(directory.resolve("console.out"), "-n", "-f", directory.resolve("keepalived.conf").toString(),
                "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
    }

    @AfterAll
    static void stop() {
        distribution.close();
    }

    @Test
    void theDataPlaneRunsAndTheLogSaysWhichAndWhy() {
        // This kernel has no IPVS: auto gives the userspace backend, and the component says so, and why,
        // once it runs.
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> distribution.logText().contains("data plane: userspace backend, because jkeepalived.dataplane=auto"));
        assertThat(distribution.logText()).contains("WARN").contains("the kernel has no IPVS (/proc/net/ip_vs is missing")
                .contains("virtual services are proxied in user space");
        assertThat(distribution.shell("bundle:list -s").lines())
                .anyMatch(line -> line.contains("org.jkeepalived.ipvs") && line.contains("Active"));
    }
}
