package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

/**
 * vrrp_rt_priority and vrrp_priority on a router in a namespace: the kernel schedules the VRRP
 * loop's thread as they say, from the first configuration, through a restart of the loop and back
 * to the ordinary scheduler when a reload drops them; what the loop starts (scripts) does not
 * inherit them.
 */
class LoopSchedulingNamespaceTest extends RouterSegmentTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    192.0.2.100/24
                }
            }
            """;
    private static final String SCHEDULED = "global_defs {\n    vrrp_rt_priority 20\n    vrrp_priority -5\n}\n" + INSTANCE;
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_RR = 2;

    @Test
    void theLoopThreadRunsRealTimeAsConfiguredThroughARestartAndBackToOrdinaryOnAReload() throws Exception {
        first.apply(SCHEDULED);
        await().atMost(WITHIN).until(() -> first.instance("VI_1").state() == VrrpState.MASTER);
        assertThat(loopThread(first)).isEqualTo(new ThreadScheduling(SCHED_RR, 20, -5));
        // a process the loop starts, as it starts scripts, is scheduled as an ordinary one
        assertThat(childOfLoop(first)).isEqualTo(new ThreadScheduling(SCHED_OTHER, 0, 0));

        first.runtime.restart(new StuckLoop("vrrp", first.runtime.loops().keySet().iterator().next(), Duration.ofSeconds(3),
                Instant.now()));
        await().atMost(WITHIN).until(() -> loopThread(first).equals(new ThreadScheduling(SCHED_RR, 20, -5)));

        first.apply(INSTANCE);
        await().atMost(WITHIN).until(() -> loopThread(first).equals(new ThreadScheduling(SCHED_OTHER, 0, 0)));
        assertThat(first.instance("VI_1").state()).isEqualTo(VrrpState.MASTER);
    }

    /** The policy, real-time priority and niceness of a thread or process, from its stat file (proc(5)). */
    private record ThreadScheduling(int policy, int realtimePriority, int niceness) {

        static ThreadScheduling of(String stat) {
            // the fields after the command's closing parenthesis, from the third (state) on
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new ThreadScheduling(Integer.parseInt(fields[41 - 3]), Integer.parseInt(fields[40 - 3]),
                    Integer.parseInt(fields[19 - 3]));
        }
    }

    private static ThreadScheduling loopThread(RuntimeRouter router) throws Exception {
        return onLoop(router, () -> {
            try {
                return ThreadScheduling.of(Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ThreadScheduling childOfLoop(RuntimeRouter router) throws Exception {
        return onLoop(router, () -> {
            try {
                Process child = new ProcessBuilder("cat", "/proc/self/stat").start();
                String stat = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                child.waitFor(5, TimeUnit.SECONDS);
                return ThreadScheduling.of(stat);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static <T> T onLoop(RuntimeRouter router, Supplier<T> task) throws Exception {
        Executor loop = router.runtime.loops().values().iterator().next();
        return CompletableFuture.supplyAsync(task, loop).get(5, TimeUnit.SECONDS);
    }
}
