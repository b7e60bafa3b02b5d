package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two routers under faults: adverts lost at random or all of them for a while, a master's link
 * flapping, a notify script that never ends. Whatever happens during the fault, once it ends there is
 * one master, the one of highest priority, and the virtual address is in its kernel alone; a
 * blackout shorter than Master_Down_Interval moves nothing. Loss is made by nftables on the
 * backup's input, where the kernel drops the adverts before VRRP's raw socket sees them.
 */
class VrrpFaultsNamespaceTest extends RouterSegmentTest {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpFaultsNamespaceTest.class);
    /** advert_int 1 s, backup priority 100: 3 s + (256 - 100) / 256 s (RFC 3768 section 6.1). */
    private static final Duration MASTER_DOWN = Duration.ofMillis(3610);
    private static final Duration CONVERGENCE = MASTER_DOWN.multipliedBy(2);
    private static final String VIP = "192.0.2.100";

    @BeforeEach
    void converged() {
        first.apply(config(150));
        second.apply(config(100));
        awaitFirstAloneMaster(Duration.ofSeconds(10));
    }

    @Test
    void aBlackoutShorterThanMasterDownMovesNothing() throws Exception {
        Timeline timeline = Timeline.start(first, second);
        dropAdverts(second.namespace, 100);
        Thread.sleep(2000);
        restoreAdverts(second.namespace);
        Thread.sleep(MASTER_DOWN.toMillis());
        timeline.stop();

        assertThat(timeline.secondMasterMillis()).as("time the backup spent as master").isZero();
        assertThat(second.instance("VI_1").becameMaster()).isZero();
        assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(second.has(VIP)).isFalse();
    }

    @Test
    void aLongerBlackoutLetsTheBackupTakeOverAndHandBackOnceItEnds() throws Exception {
        dropAdverts(second.namespace, 100);
        await().atMost(MASTER_DOWN.plusSeconds(2)).until(() -> second.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(first.instance("VI_1").state()).as("the master hears the backup's lower priority").isEqualTo(VrrpState.MASTER);

        restoreAdverts(second.namespace);

        awaitFirstAloneMaster(CONVERGENCE);
    }

    @Test
    void underFiveAndThirtyPercentLossThereIsAlwaysAMasterAndOneOnceLossEnds() throws Exception {
        for (int percent : new int[] {5, 30}) {
            Timeline timeline = Timeline.start(first, second);
            long sent = first.instance("VI_1").advertsSent();
            long received = second.instance("VI_1").advertsReceived();
            dropAdverts(second.namespace, percent);
            Thread.sleep(15_000);
            long lost = first.instance("VI_1").advertsSent() - sent - (second.instance("VI_1").advertsReceived() - received);
            restoreAdverts(second.namespace);
            awaitFirstAloneMaster(CONVERGENCE);
            timeline.stop();

            LOG.info("{}% loss of adverts for 15 s: {} adverts lost, backup master for {} ms in {} takeovers", percent,
                    lost, timeline.secondMasterMillis(), timeline.secondTakeovers());
            assertThat(timeline.noMasterMillis()).as("time without a master at %d%% loss", percent).isZero();
            if (percent == 30) {
                assertThat(lost).as("adverts lost at 30%%").isPositive();
            }
        }
    }

    @Test
    void aFlappingLinkEndsWithTheHighestPriorityAloneMaster() throws Exception {
        for (int flap = 0; flap < 10; flap++) {
            first.namespace.execOrFail("ip", "link", "set", "eth0", "down");
            Thread.sleep(150 + 50 * (flap % 3));
            first.namespace.execOrFail("ip", "link", "set", "eth0", "up");
            Thread.sleep(250);
        }

        awaitFirstAloneMaster(CONVERGENCE.plusSeconds(5));
        assertThat(first.namespace.execOrFail("ip", "-o", "addr", "show", "dev", "eth0").split(" " + VIP + "/", -1))
                .as("the virtual address once, not once per flap").hasSize(2);
    }

    @Test
    void aNotifyScriptThatHangsHoldsUpNeitherTheInstanceNorTheNextScripts(@TempDir Path scripts) throws Exception {
        Path events = scripts.resolve("events");
        Path hanging = script(scripts.resolve("hanging-notify-master.sh"), "exec sleep 600");
        Path notify = script(scripts.resolve("notify.sh"), "echo \"$*\" >> " + events);
        String scriptsAdded = "advert_int 1\n    notify_master " + hanging + "\n    notify " + notify;
        try {
            // each priority change restarts the instance (STOP, then BACKUP): to MASTER with the hanging script, then back
            first.apply(config(50).replace("advert_int 1", scriptsAdded));
            await().atMost(CONVERGENCE).until(() -> second.instance("VI_1").state() == VrrpState.MASTER);
            first.apply(config(150).replace("advert_int 1", scriptsAdded));
            await().atMost(CONVERGENCE).until(() -> lines(events).contains("INSTANCE VI_1 MASTER 150"));
            first.apply(config(50).replace("advert_int 1", scriptsAdded));

            await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(lines(events))
                    .containsExactly("INSTANCE VI_1 BACKUP 50", "INSTANCE VI_1 STOP 50", "INSTANCE VI_1 BACKUP 150",
                            "INSTANCE VI_1 MASTER 150", "INSTANCE VI_1 STOP 150", "INSTANCE VI_1 BACKUP 50"));
            await().atMost(CONVERGENCE).until(() -> second.instance("VI_1").state() == VrrpState.MASTER && second.has(VIP));
            assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.BACKUP);
            assertThat(first.has(VIP)).isFalse();
            assertThat(hangingScripts()).as("the hanging script still runs").isNotEmpty();
        } finally {
            hangingScripts().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<ProcessHandle> hangingScripts() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("sleep 600")).toList();
    }

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private void awaitFirstAloneMaster(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> first.instance("VI_1").state() == VrrpState.MASTER
                && second.instance("VI_1").state() == VrrpState.BACKUP && first.has(VIP) && !second.has(VIP));
    }

    /** Drops that share of the IPv4 VRRP packets the namespace receives, at random. */
    private static void dropAdverts(NetworkNamespace namespace, int percent) {
        restoreAdverts(namespace);
        namespace.execOrFail("nft", "add", "table", "inet", "faults");
        namespace.execOrFail("nft", "add", "chain", "inet", "faults", "input",
                "{ type filter hook input priority 0; policy accept; }");
        List<String> rule = new ArrayList<>(List.of("nft", "add", "rule", "inet", "faults", "input", "ip", "protocol", "vrrp"));
        if (percent < 100) {
            rule.addAll(List.of("numgen", "random", "mod", "100", "<", Integer.toString(percent)));
        }
        rule.add("drop");
        namespace.execOrFail(rule.toArray(String[]::new));
    }

    private static void restoreAdverts(NetworkNamespace namespace) {
        namespace.exec("nft", "delete", "table", "inet", "faults");
    }

    private static String config(int priority) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                }
                """.formatted(priority);
    }

    /** The two routers' states every 10 ms, for how long each situation lasted. */
    private static final class Timeline {

        private static final long PERIOD_MILLIS = 10;

        private final RuntimeRouter first;
        private final RuntimeRouter second;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final List<boolean[]> samples = new ArrayList<>();

        private Timeline(RuntimeRouter first, RuntimeRouter second) {
            this.first = first;
            this.second = second;
        }

        static Timeline start(RuntimeRouter first, RuntimeRouter second) {
            Timeline timeline = new Timeline(first, second);
            timeline.sampler.scheduleAtFixedRate(timeline::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            return timeline;
        }

        private synchronized void sample() {
            samples.add(new boolean[] {first.instance("VI_1").state() == VrrpState.MASTER,
                second.instance("VI_1").state() == VrrpState.MASTER});
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            assertThat(sampler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }

        synchronized long secondMasterMillis() {
            return samples.stream().filter(s -> s[1]).count() * PERIOD_MILLIS;
        }

        synchronized long noMasterMillis() {
            return samples.stream().filter(s -> !s[0] && !s[1]).count() * PERIOD_MILLIS;
        }

        synchronized int secondTakeovers() {
            int takeovers = 0;
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i)[1] && !samples.get(i - 1)[1]) {
                    takeovers++;
                }
            }
            return takeovers;
        }
    }
}
