package org.jkeepalived.itests.distribution;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jkeepalived.testing.netns.KeepalivedPeer;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jkeepalived as an operator runs it, in VRRP groups on one Ethernet segment (a bridge in a hub
 * namespace): with Debian's keepalived, taking a keepalived node's place in a running pair, and
 * with itself, through crashes. Each instance group runs VRRPv2 over IPv4 and VRRPv3 over IPv6.
 */
class VrrpIT {

    private static final String VIP4 = "192.0.2.100";
    private static final String VIP6 = "fd00:0:0:2::100";

    @TempDir
    Path directory;

    private final NetworkNamespace hub = NetworkNamespace.create();

    @AfterEach
    void deleteHub() {
        hub.close();
    }

    @Test
    void aJkeepalivedNodeTakesTheBackupPlaceOfAKeepalivedNodeInARunningPair() {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed: apt-get install keepalived");
        NetworkNamespace first = NetworkNamespace.create();
        NetworkNamespace second = NetworkNamespace.create();
        try (first; second; Distribution jkeepalived = Distribution.unpack(directory)) {
            NetworkNamespace third = jkeepalived.namespace();
            segment(first, second, third);

            KeepalivedPeer master = KeepalivedPeer.start(first, directory, config("k1", 150));
            try (KeepalivedPeer backup = KeepalivedPeer.start(second, directory, config("k2", 100))) {
                await().atMost(30, SECONDS).until(() -> hasVips(first) && backup.lastEntered("VI_4", "BACKUP")
                        && backup.lastEntered("VI_6", "BACKUP"));
            }
            // the backup is gone; jkeepalived takes its place with its configuration
            startWith(jkeepalived, config("j3", 100));
            await().atMost(60, SECONDS).until(() -> states(jkeepalived).matches("(?s).*VI_4 .*BACKUP.*VI_6 .*BACKUP.*"));
            assertThat(hasVips(first)).isTrue();
            assertThat(hasVips(third)).isFalse();

            // the master leaves (SIGTERM: priority 0): jkeepalived takes over at once
            master.stop();
            await().atMost(10, SECONDS).until(() -> hasVips(third));
            assertThat(states(jkeepalived)).matches("(?s).*VI_4 .*MASTER.*VI_6 .*MASTER.*");
            assertThat(hasVips(first)).isFalse();

            // the master comes back and preempts: jkeepalived hands the addresses back
            try (KeepalivedPeer back = KeepalivedPeer.start(first, directory, config("k1", 150))) {
                await().atMost(30, SECONDS).until(() -> back.lastEntered("VI_4", "MASTER") && back.lastEntered("VI_6", "MASTER"));
                await().atMost(10, SECONDS).until(() -> !hasAnyVip(third));
                await().atMost(10, SECONDS).until(() -> hasVips(first));
                assertThat(states(jkeepalived)).matches("(?s).*VI_4 .*BACKUP.*VI_6 .*BACKUP.*");
                assertThat(back.log()).doesNotContain("Invalid").doesNotContain("checksum");
            }
            assertThat(jkeepalived.logText()).contains("(VI_4) Entering MASTER STATE").contains("(VI_6) Entering BACKUP STATE")
                    .doesNotContain("dropped a packet");
        }
    }

    @Test
    void aCrashedMasterIsReplacedAndOnRestartTakesBackWhatItLeftBehind() {
        try (Distribution one = Distribution.unpack(subdirectory("one"));
             Distribution two = Distribution.unpack(subdirectory("two"))) {
            segment(one.namespace(), two.namespace());
            startWith(one, config("j1", 150));
            startWith(two, config("j2", 100));
            await().atMost(60, SECONDS).until(() -> hasVips(one.namespace()) && states(two).matches("(?s).*VI_4 .*BACKUP.*VI_6 .*BACKUP.*"));
            assertThat(hasAnyVip(two.namespace())).isFalse();

            // SIGKILL: no priority 0 advert, the addresses stay behind in the dead node's kernel
            one.kill();
            await().atMost(15, SECONDS).until(() -> hasVips(two.namespace()));
            assertThat(states(two)).matches("(?s).*VI_4 .*MASTER.*VI_6 .*MASTER.*");
            assertThat(hasVips(one.namespace())).isTrue();

            // restarted with a lower priority, it starts as a backup and first removes what it left
            startWith(one, config("j1", 50));
            await().atMost(60, SECONDS).until(() -> states(one).matches("(?s).*VI_4 .*BACKUP.*VI_6 .*BACKUP.*"));
            assertThat(hasAnyVip(one.namespace())).isFalse();
            assertThat(hasVips(two.namespace())).isTrue();
        }
    }

    @Test
    void aMasterFrozenForTwiceMasterDownIsReplacedAndOnceThawedIsTheOneMasterAgain() throws Exception {
        try (Distribution one = Distribution.unpack(subdirectory("one"));
             Distribution two = Distribution.unpack(subdirectory("two"))) {
            segment(one.namespace(), two.namespace());
            startWith(one, config("j1", 150));
            startWith(two, config("j2", 100));
            await().atMost(60, SECONDS).until(() -> hasVips(one.namespace()) && states(two).matches("(?s).*VI_4 .*BACKUP.*VI_6 .*BACKUP.*"));

            // SIGSTOP for twice Master_Down_Interval (3.61 s at advert_int 1, priority 100): the
            // backup takes over; the frozen node's kernel keeps its addresses, as it would keepalived's
            one.signal("STOP");
            try {
                Thread.sleep(2 * 3610);
                assertThat(hasVips(two.namespace())).isTrue();
                assertThat(states(two)).matches("(?s).*VI_4 .*MASTER.*VI_6 .*MASTER.*");
            } finally {
                one.signal("CONT");
            }

            // thawed, its overdue advert of priority 150 sends the other back to BACKUP at once
            long thawed = System.nanoTime();
            await().atMost(10, SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> !hasAnyVip(two.namespace()));
            long bothHeldMillis = (System.nanoTime() - thawed) / 1_000_000;
            assertThat(bothHeldMillis).as("both held the addresses after the thaw for %d ms", bothHeldMillis).isLessThan(2000);
            assertThat(hasVips(one.namespace())).isTrue();
            assertThat(states(one)).matches("(?s).*VI_4 .*MASTER.*VI_6 .*MASTER.*");
            assertThat(states(two)).matches("(?s).*VI_4 .*BACKUP.*VI_6 .*BACKUP.*");
        }
    }

    /** Puts the namespaces on one bridge, as eth0 with 192.0.2.N/24 and a usable IPv6 link-local address. */
    private void segment(NetworkNamespace... hosts) {
        for (NetworkNamespace host : hosts) {
            // no duplicate address detection: the link-local address is usable as soon as the link is up
            host.execOrFail("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
            host.execOrFail("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        }
        Links.bridge(hub, "br0", "eth0", hosts);
        // without snooping the bridge floods every group, as a plain switch does with link-local groups
        hub.execOrFail("ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        for (int i = 0; i < hosts.length; i++) {
            hosts[i].execOrFail("ip", "addr", "add", "192.0.2." + (i + 1) + "/24", "dev", "eth0");
        }
    }

    private Path subdirectory(String name) {
        try {
            return Files.createDirectories(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startWith(Distribution distribution, String config) {
        try {
            Path run = Files.createTempDirectory(directory, "run");
            Path file = Files.writeString(run.resolve("keepalived.conf"), config);
            distribution.start(run.resolve("console.out"), "-n", "-f", file.toString(),
                    "-p", run.resolve("keepalived.pid").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        distribution.awaitShell();
    }

    private static String states(Distribution distribution) {
        return distribution.shell("keepalived:vrrp");
    }

    private static boolean hasVips(NetworkNamespace host) {
        String addresses = host.execOrFail("ip", "-o", "addr", "show", "dev", "eth0");
        return addresses.contains(VIP4 + "/24") && addresses.contains(VIP6 + "/64");
    }

    private static boolean hasAnyVip(NetworkNamespace host) {
        String addresses = host.execOrFail("ip", "-o", "addr", "show", "dev", "eth0");
        return addresses.contains(VIP4 + "/") || addresses.contains(VIP6 + "/");
    }

    /** The same two instances for every node, keepalived or jkeepalived, as a pair shares one file but for the priority. */
    private static String config(String routerId, int priority) {
        return """
                global_defs {
                    router_id %1$s
                }
                vrrp_instance VI_4 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %2$d
                    advert_int 1
                    virtual_ipaddress {
                        %3$s/24 dev eth0
                    }
                }
                vrrp_instance VI_6 {
                    state BACKUP
                    interface eth0
                    version 3
                    virtual_router_id 52
                    priority %2$d
                    advert_int 1
                    virtual_ipaddress {
                        %4$s/64 dev eth0
                    }
                }
                """.formatted(routerId, priority, VIP4, VIP6);
    }
}
