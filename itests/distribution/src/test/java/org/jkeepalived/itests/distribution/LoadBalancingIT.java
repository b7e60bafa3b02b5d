package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A virtual server with three real HTTP servers, in the container's namespace, carried by the data
 * plane the host has (userspace here): traffic through the virtual address reaches every real
 * server; one killed, its share goes to the others once its checker says so, and nothing else is
 * refused; back, it takes its share again.
 */
class LoadBalancingIT {

    private static final String VIP = "127.0.0.100";
    private static final int VIP_PORT = 8080;
    private static final int REAL_PORT = 8081;

    @TempDir
    Path directory;

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void trafficFollowsTheHealthOfTheRealServers() throws Exception {
        try (Distribution distribution = Distribution.unpack(directory)) {
            for (int i = 1; i <= 3; i++) {
                servers.add(NamedRealServer.start(distribution, i, REAL_PORT));
            }
            Files.writeString(directory.resolve("keepalived.conf"), """
                    global_defs {
                        router_id lb1
                    }
                    virtual_server %1$s %2$d {
                        protocol TCP
                        lb_algo rr
                        lb_kind NAT
                        delay_loop 1
                        real_server 127.0.0.11 %3$d {
                            TCP_CHECK {
                                connect_timeout 1
                                retry 0
                            }
                        }
                        real_server 127.0.0.12 %3$d {
                            TCP_CHECK {
                                connect_timeout 1
                                retry 0
                            }
                        }
                        real_server 127.0.0.13 %3$d {
                            TCP_CHECK {
                                connect_timeout 1
                                retry 0
                            }
                        }
                    }
                    """.formatted(VIP, VIP_PORT, REAL_PORT));
            distribution.start(directory.resolve("console.out"), "-n", "-f", directory.resolve("keepalived.conf").toString(),
                    "-p", directory.resolve("keepalived.pid").toString());
            distribution.awaitShell();

            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> answers(distribution, 6).containsAll(Set.of("rs1", "rs2", "rs3")));

            long killed = System.nanoTime();
            servers.get(1).stop(0);
            // delay_loop 1 s, connect_timeout 1 s, no retry: out within a few seconds
            await().atMost(15, SECONDS).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> !answers(distribution, 6).contains("rs2"));
            long shifted = (System.nanoTime() - killed) / 1_000_000;
            // every request is answered now, by the two that are left
            Set<String> after = answers(distribution, 30);
            assertThat(after).containsExactlyInAnyOrder("rs1", "rs3");
            assertThat(shifted).as("ms from the kill until no request reaches it").isLessThan(15_000);

            servers.set(1, NamedRealServer.start(distribution, 2, REAL_PORT));
            await().atMost(15, SECONDS).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> answers(distribution, 6).contains("rs2"));
            assertThat(distribution.logText()).contains("127.0.0.12");
        }
    }

    /** Sends requests through the virtual server; each must be answered. */
    private static Set<String> answers(Distribution distribution, int requests) throws Exception {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            names.add(distribution.namespace().call(LoadBalancingIT::request));
        }
        return names;
    }

    private static String request() throws IOException {
        try (Socket socket = new Socket(VIP, VIP_PORT)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: vip\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IOException("not answered: " + response);
            }
            return response.substring(response.lastIndexOf("\r\n\r\n") + 4);
        }
    }
}
