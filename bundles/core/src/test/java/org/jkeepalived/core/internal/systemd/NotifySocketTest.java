package org.jkeepalived.core.internal.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sd_notify datagrams reach a unix datagram socket bound as systemd binds its notification socket,
 * at a path and in the abstract namespace.
 */
class NotifySocketTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    @Test
    void aDatagramReachesASocketBoundAtAPath() throws InterruptedException {
        String path = directory.resolve("notify").toString();
        try (BoundDatagramSocket systemd = new BoundDatagramSocket(path);
             NotifySocket socket = NotifySocket.of(path).orElseThrow()) {
            socket.send("READY=1\nSTATUS=running");
            assertThat(systemd.next(ARRIVAL)).contains("READY=1\nSTATUS=running");
        }
    }

    @Test
    void anAtNamesTheAbstractNamespace() throws InterruptedException {
        String name = "@jkeepalived-test-" + ProcessHandle.current().pid();
        try (BoundDatagramSocket systemd = new BoundDatagramSocket(name);
             NotifySocket socket = NotifySocket.of(name).orElseThrow()) {
            socket.send("WATCHDOG=1");
            assertThat(systemd.next(ARRIVAL)).contains("WATCHDOG=1");
        }
    }

    @Test
    void noVariableNoSocketAndANameThatNobodyBoundIsSaid() {
        assertThat(NotifySocket.of(null)).isEmpty();
        assertThat(NotifySocket.of("")).isEmpty();
        try (NotifySocket socket = NotifySocket.of(directory.resolve("nobody").toString()).orElseThrow()) {
            assertThatThrownBy(() -> socket.send("READY=1")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nobody");
        }
    }
}
