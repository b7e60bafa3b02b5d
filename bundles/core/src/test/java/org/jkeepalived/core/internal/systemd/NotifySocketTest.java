package org.jkeepalived.core.internal.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.LinuxLibc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sd_notify datagrams reach a unix datagram socket bound as systemd binds its notification socket,
 * at a path and in the abstract namespace.
 */
class NotifySocketTest {

    @TempDir
    Path directory;

    @Test
    void aDatagramReachesASocketBoundAtAPath() {
        String path = directory.resolve("notify").toString();
        int receiver = bound(path.getBytes(StandardCharsets.UTF_8));
        try (NotifySocket socket = NotifySocket.of(path).orElseThrow()) {
            socket.send("READY=1\nSTATUS=running");
            assertThat(receive(receiver)).isEqualTo("READY=1\nSTATUS=running");
        } finally {
            LinuxLibc.close(receiver);
        }
    }

    @Test
    void anAtNamesTheAbstractNamespace() {
        String name = "jkeepalived-test-" + ProcessHandle.current().pid();
        byte[] abstractName = ("\0" + name).getBytes(StandardCharsets.UTF_8);
        int receiver = bound(abstractName);
        try (NotifySocket socket = NotifySocket.of("@" + name).orElseThrow()) {
            socket.send("WATCHDOG=1");
            assertThat(receive(receiver)).isEqualTo("WATCHDOG=1");
        } finally {
            LinuxLibc.close(receiver);
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

    private static int bound(byte[] path) {
        int fd = LinuxLibc.socket(1, 2, 0);
        try (Memory address = new Memory(110)) {
            address.clear();
            address.setShort(0, (short) 1);
            address.write(2, path, 0, path.length);
            boolean abstractName = path[0] == 0;
            LinuxLibc.bind(fd, address, 2 + path.length + (abstractName ? 0 : 1));
        }
        return fd;
    }

    private static String receive(int fd) {
        try (Memory buffer = new Memory(512)) {
            long length = LinuxLibc.recvfrom(fd, buffer, 512, 0x40, null, null);
            return new String(buffer.getByteArray(0, (int) length), StandardCharsets.UTF_8);
        }
    }
}
