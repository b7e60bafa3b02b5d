package org.jkeepalived.core.internal.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.core.api.watchdog.Supervised;
import org.jkeepalived.core.api.watchdog.WatchdogListener;
import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on real event loops: a loop that answers is left alone, a blocked one is declared
 * stuck after the timeout and restarted on a fresh loop of the same name, the listeners hear of
 * it, and the watchdog is unhealthy only until the fresh loop answers.
 */
class LoopSupervisorTest {

    private static final WatchdogSettings FAST = new WatchdogSettings(Duration.ofMillis(100), Duration.ofMillis(600));

    private final EventLoopsComponent loops = new EventLoopsComponent();
    private final List<StuckLoop> alerts = new CopyOnWriteArrayList<>();
    private final List<Supervised> subsystems = new CopyOnWriteArrayList<>();
    private LoopSupervisor supervisor;

    /** A subsystem on one loop, restarted as VRRP is: abandon, open afresh. */
    private final class OneLoop implements Supervised {
        final AtomicReference<EventLoop> loop = new AtomicReference<>(loops.open("work"));
        final List<StuckLoop> restarts = new CopyOnWriteArrayList<>();

        @Override
        public String subsystem() {
            return "work";
        }

        @Override
        public Map<String, Executor> loops() {
            return Map.of(loop.get().name(), loop.get());
        }

        @Override
        public void restart(StuckLoop stuck) {
            restarts.add(stuck);
            loop.get().abandon(() -> { });
            loop.set(loops.open("work"));
        }
    }

    @AfterEach
    void stop() {
        supervisor.close();
        // abandoning interrupts the blocked ones, which closing would wait for
        loops.loops().forEach(loop -> loop.abandon(() -> { }));
    }

    @Test
    void aLoopThatAnswersIsNeverRestarted() throws InterruptedException {
        OneLoop work = start();
        // busy but answering: short tasks all the time
        for (int i = 0; i < 20; i++) {
            work.loop.get().execute(() -> sleep(50));
            Thread.sleep(50);
        }
        assertThat(work.restarts).isEmpty();
        assertThat(supervisor.healthy()).isTrue();
    }

    @Test
    void aBlockedLoopIsRestartedOnAFreshLoopAndTheListenersHearOfIt() {
        OneLoop work = start();
        EventLoop blocked = work.loop.get();
        blocked.execute(() -> sleep(60_000));

        await().atMost(Duration.ofSeconds(5)).until(() -> !work.restarts.isEmpty());
        StuckLoop stuck = work.restarts.get(0);
        assertThat(stuck.loop()).isEqualTo("work");
        assertThat(stuck.stuckFor()).isGreaterThan(FAST.timeout());
        assertThat(work.loop.get()).isNotSameAs(blocked);
        await().atMost(Duration.ofSeconds(2)).until(() -> alerts.size() == 1);
        assertThat(alerts.get(0)).isEqualTo(stuck);

        // the fresh loop answers: healthy again, and restarted once only
        await().atMost(Duration.ofSeconds(5)).until(supervisor::healthy);
        assertThat(work.restarts).hasSize(1);
    }

    @Test
    void whenTheWholeProcessWasHeldUpTheLoopsGetAFullTimeoutAfterIt() {
        OneLoop work = new OneLoop();
        AtomicBoolean holdUp = new AtomicBoolean();
        // a subsystem whose listing holds the watchdog's own thread, as a pause holds every thread
        subsystems.add(new Supervised() {
            @Override
            public String subsystem() {
                return "pause";
            }

            @Override
            public Map<String, Executor> loops() {
                if (holdUp.getAndSet(false)) {
                    sleep(1500);
                }
                return Map.of();
            }

            @Override
            public void restart(StuckLoop stuck) {
            }
        });
        subsystems.add(work);
        supervisor = new LoopSupervisor(FAST, () -> subsystems, () -> List.of(listener()), Clock.systemUTC());
        supervisor.start();
        await().atMost(Duration.ofSeconds(2)).until(supervisor::healthy);

        work.loop.get().execute(() -> sleep(60_000));
        holdUp.set(true);

        // the loop is still restarted, but for a hello sent after the hold-up, not for the 1.5 s it lasted
        await().atMost(Duration.ofSeconds(5)).until(() -> !work.restarts.isEmpty());
        assertThat(work.restarts.get(0).stuckFor()).isGreaterThan(FAST.timeout()).isLessThan(Duration.ofMillis(1200));
    }

    @Test
    void theWatchdogIsUnhealthyWhileALoopIsStuckAndNotRestartable() {
        subsystems.add(new Supervised() {
            private final EventLoop loop = loops.open("unrestartable");

            @Override
            public String subsystem() {
                return "unrestartable";
            }

            @Override
            public Map<String, Executor> loops() {
                return Map.of(loop.name(), loop);
            }

            @Override
            public void restart(StuckLoop stuck) {
                throw new IllegalStateException("cannot");
            }
        });
        supervisor = new LoopSupervisor(FAST, () -> subsystems, () -> List.of(listener()), Clock.systemUTC());
        supervisor.start();
        await().atMost(Duration.ofSeconds(2)).until(supervisor::healthy);
        subsystems.get(0).loops().values().iterator().next().execute(() -> sleep(60_000));
        await().atMost(Duration.ofSeconds(5)).until(() -> !supervisor.healthy());
        // still unhealthy rounds later: a failed restart does not forget the hello that waits
        for (int i = 0; i < 10; i++) {
            assertThat(supervisor.healthy()).isFalse();
            sleep(100);
        }
        assertThat(alerts).hasSize(1);
    }

    private OneLoop start() {
        OneLoop work = new OneLoop();
        subsystems.add(work);
        supervisor = new LoopSupervisor(FAST, () -> subsystems, () -> List.of(listener()), Clock.systemUTC());
        supervisor.start();
        return work;
    }

    private WatchdogListener listener() {
        return (stuck, restarted) -> alerts.add(stuck);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
