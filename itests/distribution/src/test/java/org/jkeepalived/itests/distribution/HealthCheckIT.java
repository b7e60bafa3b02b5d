package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health checking in the running container: a virtual server with two real servers on loopback in
 * the container's namespace, one listening and one not, checked by the built-in TCP_CHECK; the shell
 * shows one up and one down, and the log tells of the transition when the test closes the listener.
 * A second virtual server has ha_suspend: its checks wait until the test puts its address on the
 * namespace's loopback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthCheckIT {

    @TempDir
    static Path directory;

    private static Distribution distribution;
    private static ServerSocket listening;
    private static int upPort;
    private static int downPort;

    @BeforeAll
    static void boot() throws Exception {
        distribution = Distribution.unpack(directory);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        listening = distribution.namespace().call(() -> new ServerSocket(0, 50, loopback));
        upPort = listening.getLocalPort();
        acceptAll(listening);
        try (ServerSocket closed = distribution.namespace().call(() -> new ServerSocket(0, 50, loopback))) {
            downPort = closed.getLocalPort();
        }
        Files.writeString(directory.resolve("keepalived.conf"), """
                global_defs {
                    router_id lb1
                }
                virtual_server 192.0.2.1 80 {
                    protocol TCP
                    delay_loop 1
                    real_server 127.0.0.1 %d {
                        TCP_CHECK {
                            connect_timeout 1
                            retry 0
                        }
                    }
                    real_server 127.0.0.1 %d {
                        TCP_CHECK {
                            connect_timeout 1
                            retry 0
                        }
                    }
                }
                virtual_server 192.0.2.7 80 {
                    protocol TCP
                    delay_loop 1
                    ha_suspend
                    real_server 127.0.0.1 %d {
                        TCP_CHECK {
                            connect_timeout 1
                            retry 0
                        }
                    }
                }
                """.formatted(upPort, downPort, downPort));
        distribution.start(directory.resolve("console.out"), "-n", "-f", directory.resolve("keepalived.conf").toString(),
                "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
    }

    @AfterAll
    static void stop() throws IOException {
        distribution.close();
        listening.close();
    }

    @Test
    @Order(1)
    void checksShowsOneRealServerUpAndOneDownAndTheLogTellsOfATransition() throws IOException {
        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> {
            String checks = distribution.shell("keepalived:checks");
            return row(upPort, "up").matcher(checks).find() && row(downPort, "down").matcher(checks).find();
        });
        // the real server of the suspended virtual server keeps its first state, up, and its checker does not run
        assertThat(distribution.shell("keepalived:checks")).contains("3 real servers: 2 up, 1 down; 2 checkers running");
        assertThat(distribution.shell("keepalived:checks 127.0.0.1:" + downPort))
                .contains("[127.0.0.1]:tcp:" + downPort + " of VS [192.0.2.1]:tcp:80: down")
                .contains("plugin org.jkeepalived.checker-tcp")
                .contains("connection refused");
        assertThat(distribution.logText())
                .contains("TCP connection to [127.0.0.1]:tcp:" + upPort + " success.")
                .contains("Removing service [127.0.0.1]:tcp:" + downPort + " from VS [192.0.2.1]:tcp:80");

        listening.close();

        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> distribution.logText().contains("Removing service [127.0.0.1]:tcp:" + upPort + " from VS [192.0.2.1]:tcp:80"));
        assertThat(distribution.logText()).contains("TCP_CHECK on service [127.0.0.1]:tcp:" + upPort + " failed: connection refused");
        assertThat(distribution.shell("keepalived:checks")).contains("3 real servers: 1 up, 2 down");
    }

    @Test
    @Order(2)
    void haSuspendChecksOnceTheVirtualAddressIsOnThisHost() {
        assertThat(distribution.shell("keepalived:checks 127.0.0.1:" + downPort)).contains("ha_suspend: 192.0.2.7 is not on this host");
        assertThat(distribution.logText()).contains("ha_suspend: 192.0.2.7 is not on this host: the checks of 1 real servers are suspended")
                .doesNotContain("from VS [192.0.2.7]:tcp:80");

        distribution.namespace().execOrFail("ip", "address", "add", "192.0.2.7/32", "dev", "lo");

        await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> distribution.logText().contains("Removing service [127.0.0.1]:tcp:" + downPort + " from VS [192.0.2.7]:tcp:80"));
        assertThat(distribution.shell("keepalived:checks")).contains("3 real servers: 0 up, 3 down; 3 checkers running");
    }

    /** A row of keepalived:checks: virtual server, real server, state, weight 1, TCP_CHECK. */
    private static Pattern row(int port, String state) {
        return Pattern.compile("\\[192\\.0\\.2\\.1\\]:tcp:80\\s*\\|\\s*\\[127\\.0\\.0\\.1\\]:tcp:" + port + "\\s*\\|\\s*" + state
                + "\\s*\\|\\s*1\\s*\\|\\s*TCP_CHECK " + state);
    }

    /** Accepts and closes every connection, as a service does for a check that only connects. */
    private static void acceptAll(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    connection.getInputStream().available();
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }, "real-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
