package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * fault injection blocks, the master keeping its address, while without fault injection the
 * shell cannot block anything.
 */
class WatchdogIT {

    private static final String VIP = "192.0.2.100";

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
                    "EXTRA_JAVA_OPTS", "-Djkeepalived.watchdog.fault-injection=true -Djkeepalived.watchdog.interval=250"
                            + " -Djkeepalived.watchdog.timeout=1500"));

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
