package org.jkeepalived.benchmarks;

import java.io.IOException;

import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * Real servers on loopback addresses of a namespace (127.x.y.z, port 8080), each checked by a
 * TCP_CHECK, and the one listener that accepts and closes the connections of all of them.
 */
final class LoopbackRealServers implements AutoCloseable {

    private final Process listener;

    private LoopbackRealServers(Process listener) {
        this.listener = listener;
    }

    /** Starts the listener on *:8080 of {@code namespace}. */
    static LoopbackRealServers listen(NetworkNamespace namespace) throws IOException {
        return new LoopbackRealServers(namespace.processBuilder("python3", "-c", """
                import socket
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(('0.0.0.0', 8080)); s.listen(4096)
                while True:
                    c, _ = s.accept(); c.close()
                """).start());
    }

    /**
     * @param count the real servers, no two alike
     * @return a virtual_server block of them, delay_loop 5 s, connect_timeout 2 s
     */
    static String virtualServer(int count) {
        // port 80: the real servers' listener holds *:8080 in the namespace
        StringBuilder text = new StringBuilder("virtual_server 192.0.2.100 80 {\n    delay_loop 5\n    lvs_method NAT\n    protocol TCP\n");
        for (int i = 0; i < count; i++) {
            // 250 hosts per third octet
            text.append("    real_server 127.").append(1 + i / (250 * 256)).append('.').append(i / 250 % 256).append('.')
                    .append(1 + i % 250).append(" 8080 {\n        TCP_CHECK {\n            connect_timeout 2\n        }\n    }\n");
        }
        return text.append("}\n").toString();
    }

    @Override
    public void close() {
        listener.destroyForcibly();
    }
}
