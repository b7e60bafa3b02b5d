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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as systemd runs it with {@code Type=notify} and {@code WatchdogSec}, under a
 * notification socket the test binds: READY=1 once VRRP runs, RELOADING=1 and READY=1 around a
 * reload, WATCHDOG=1 pings, STOPPING=1 at SIGTERM; and the watchdog restarting a VRRP loop that
 * fault injection blocks, the master keeping its address, and stuck checker loops, the real
 * servers keeping their health and data-plane weights; without fault injection the shell cannot
 * block anything.
 */
class WatchdogIT {

    private static final String VIP = "192.0.2.100";
    /** Fault injection on, and a watchdog that declares a loop stuck after 1.5 s. */
    private static final String FAULT_INJECTION = "-Djkeepalived.watchdog.fault-injection=true"
            + " -Djkeepalived.watchdog.interval=250 -Djkeepalived.watchdog.timeout=1500";

    @TempDir
    Path directory;

    private final NetworkNamespace hub = NetworkNamespace.create();

    @AfterEach
    void deleteHub() {
        hub.close();
    }

    @Test
    void underSystemdItNotifiesReadinessReloadsPingsAndStopAndRestartsAStuckVrrpLoop() throws Exception {
        NotifySocketListener systemd = new NotifySocketListener(directory.resolve("notify"));
        try (systemd; Distribution jkeepalived = Distribution.unpack(directory)) {
            Links.bridge(hub, "br0", "eth0", jkeepalived.namespace());
            jkeepalived.namespace().execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
            start(jkeepalived, Map.of("NOTIFY_SOCKET", systemd.path().toString(), "WATCHDOG_USEC", "2000000",
                    "EXTRA_JAVA_OPTS", FAULT_INJECTION));

            await().atMost(180, SECONDS).until(() -> systemd.count("READY=1") == 1);
            await().atMost(30, SECONDS).until(() -> hasVip(jkeepalived) && jkeepalived.shell("keepalived:vrrp").contains("MASTER"));
            await().atMost(10, SECONDS).until(() -> systemd.count("WATCHDOG=1") >= 2);

            jkeepalived.shell("keepalived:reload");
            await().atMost(30, SECONDS).until(() -> systemd.count("READY=1") == 2);
            List<String> lifecycle = systemd.datagrams().stream().filter(datagram -> !datagram.equals("WATCHDOG=1"))
                    .map(datagram -> datagram.lines().findFirst().orElseThrow()).toList();
            assertThat(lifecycle).containsExactly("READY=1", "RELOADING=1", "READY=1");
            assertThat(systemd.datagrams()).anyMatch(datagram -> datagram.startsWith("RELOADING=1\nMONOTONIC_USEC="));

            // the VRRP loop stuck for 6 s: restarted after 1.5 s, the master keeps its address throughout
            assertThat(jkeepalived.shell("keepalived:block-loop vrrp 6")).contains("blocking loop vrrp for 6 s");
            Instant until = Instant.now().plusSeconds(8);
            while (Instant.now().isBefore(until)) {
                assertThat(hasVip(jkeepalived)).as("the master keeps its address").isTrue();
                Thread.sleep(250);
            }
            assertThat(jkeepalived.logText()).contains("fault injection: blocking loop vrrp for 6000 ms")
                    .containsPattern("watchdog: loop vrrp of vrrp did not answer the watchdog for \\d+ ms; restarting vrrp")
                    .contains("masters resuming with their addresses: VI_1")
                    .contains("(VI_1) resuming as MASTER after");
            assertThat(jkeepalived.shell("keepalived:vrrp")).contains("MASTER");
            long pings = systemd.count("WATCHDOG=1");
            await().atMost(10, SECONDS).until(() -> systemd.count("WATCHDOG=1") > pings + 1);
        }
        assertThat(systemd.datagrams()).anyMatch(datagram -> datagram.startsWith("STOPPING=1"));
    }

    @Test
    void withoutFaultInjectionNoLoopCanBeBlocked() throws Exception {
        try (Distribution jkeepalived = Distribution.unpack(directory)) {
            Links.bridge(hub, "br0", "eth0", jkeepalived.namespace());
            jkeepalived.namespace().execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
            start(jkeepalived, Map.of());
            await().atMost(30, SECONDS).until(() -> hasVip(jkeepalived));

            assertThat(jkeepalived.shell("keepalived:block-loop vrrp 6")).contains("fault injection is off");
            assertThat(jkeepalived.logText()).doesNotContain("fault injection: blocking");
        }
    }

    @Test
    void aStuckCheckerLoopIsReplacedAndItsRealServersKeepTheirHealthAndTheirPlaceInTheDataPlane() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Distribution jkeepalived = Distribution.unpack(directory);
             ServerSocket listening = jkeepalived.namespace().call(() -> new ServerSocket(0, 50, loopback))) {
            acceptAll(listening);
            int upPort = listening.getLocalPort();
            int downPort;
            try (ServerSocket closed = jkeepalived.namespace().call(() -> new ServerSocket(0, 50, loopback))) {
                downPort = closed.getLocalPort();
            }
            Path file = Files.writeString(directory.resolve("keepalived.conf"), """
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
                    """.formatted(upPort, downPort));
            jkeepalived.start(directory.resolve("console.out"), Map.of("EXTRA_JAVA_OPTS", FAULT_INJECTION), "-n",
                    "-f", file.toString(), "-p", directory.resolve("keepalived.pid").toString());
            jkeepalived.awaitShell();
            await().atMost(60, SECONDS).until(() -> jkeepalived.shell("keepalived:checks").contains("2 real servers: 1 up, 1 down"));
            List<String> dataPlane = realServerRows(jkeepalived, upPort, downPort);

            jkeepalived.shell("keepalived:block-loop checker-1 5");
            jkeepalived.shell("keepalived:block-loop checker-2 5");

            await().atMost(30, SECONDS).until(() -> jkeepalived.logText().contains("loop checker-1 of checkers did not answer")
                    && jkeepalived.logText().contains("loop checker-2 of checkers did not answer"));
            Instant until = Instant.now().plusSeconds(6);
            while (Instant.now().isBefore(until)) {
                assertThat(realServerRows(jkeepalived, upPort, downPort)).as("health and data-plane weights stay").isEqualTo(dataPlane);
                Thread.sleep(500);
            }
            assertThat(jkeepalived.logText()).contains("resume on the fresh loop with their state")
                    .doesNotContain("Removing service [127.0.0.1]:tcp:" + upPort)
                    .doesNotContain("Adding service [127.0.0.1]:tcp:" + downPort);

            // the checks run on the fresh loops: the up server going away is seen
            listening.close();
            await().atMost(30, SECONDS).until(() -> jkeepalived.logText()
                    .contains("Removing service [127.0.0.1]:tcp:" + upPort + " from VS [192.0.2.1]:tcp:80"));
        }
    }

    /** The rows of keepalived:virtual-servers for the real servers: weights configured and in the data plane, health. */
    private static List<String> realServerRows(Distribution distribution, int... ports) {
        String output = distribution.shell("keepalived:virtual-servers");
        return Arrays.stream(ports).mapToObj(port -> output.lines().filter(line -> line.contains("127.0.0.1:" + port))
                .findFirst().orElseThrow(() -> new AssertionError("no real server 127.0.0.1:" + port + " in:\n" + output)))
                .toList();
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
        }, "accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void start(Distribution distribution, Map<String, String> environment) throws IOException {
        Path file = Files.writeString(directory.resolve("keepalived.conf"), """
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0
                    }
                }
                """);
        distribution.start(directory.resolve("console.out"), environment, "-n", "-f", file.toString(),
                "-p", directory.resolve("keepalived.pid").toString());
        distribution.awaitShell();
    }

    private static boolean hasVip(Distribution distribution) {
        return distribution.namespace().execOrFail("ip", "-o", "addr", "show", "dev", "eth0").contains(" " + VIP + "/");
    }
}
