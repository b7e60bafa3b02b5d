package org.jkeepalived.core.internal.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jkeepalived.core.api.watchdog.Watchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What systemd hears and when, on a socket bound as systemd binds it, from a watchdog whose answers
 * the test sets: READY=1 only once booted, configured and every loop ran what it was given;
 * RELOADING=1 then READY=1 around a reload; WATCHDOG=1 only while every loop answers.
 */
class NotificationsTest {

    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration ARRIVAL = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    /** The watchdog as the test sets it: healthy or not, and loops that run what they are given when told. */
    private static final class SetWatchdog implements Watchdog {
        volatile boolean healthy = true;
        volatile boolean answering;
        final Queue<CompletableFuture<Void>> rounds = new ConcurrentLinkedQueue<>();

        @Override
        public boolean healthy() {
            return healthy;
        }

        @Override
        public CompletionStage<Void> throughEveryLoop() {
            CompletableFuture<Void> round = new CompletableFuture<>();
            rounds.add(round);
            if (answering) {
                round.complete(null);
            }
            return round;
        }

        void loopsRan() {
            rounds.forEach(round -> round.complete(null));
        }

        /** Every round from now on answers, and those still open: none can slip between a timeout and the next. */
        void loopsAnswerFromNowOn() {
            answering = true;
            loopsRan();
        }
    }

    private final SetWatchdog watchdog = new SetWatchdog();
    private BoundDatagramSocket systemd;
    private Notifications notifications;

    @AfterEach
    void close() {
        if (notifications != null) {
            notifications.close();
            systemd.close();
        }
    }

    @Test
    void readyOnlyOnceBootedConfiguredAndEveryLoopRanWhatItWasGiven() throws InterruptedException {
        start(Optional.empty(), Duration.ofSeconds(30));

        notifications.configurationApplied();
        assertThat(systemd.next(QUIET)).isEmpty();
        notifications.booted();
        assertThat(systemd.next(QUIET)).as("a loop has not run the configuration yet").isEmpty();
        watchdog.loopsRan();
        assertThat(systemd.next(ARRIVAL)).contains("READY=1\nSTATUS=running");
        assertThat(systemd.next(QUIET)).isEmpty();
    }

    @Test
    void aReloadIsReloadingThenReady() throws InterruptedException {
        start(Optional.empty(), Duration.ofSeconds(30));
        notifications.booted();
        notifications.configurationApplied();
        watchdog.loopsRan();
        assertThat(systemd.next(ARRIVAL)).contains("READY=1\nSTATUS=running");

        notifications.reloading();
        assertThat(systemd.next(ARRIVAL)).hasValueSatisfying(datagram -> assertThat(datagram)
                .matches("RELOADING=1\nMONOTONIC_USEC=\\d+"));
        notifications.configurationApplied();
        watchdog.loopsRan();
        assertThat(systemd.next(ARRIVAL)).contains("READY=1\nSTATUS=running");
    }

    @Test
    void readyIsTriedAgainWhileALoopDoesNotAnswer() throws InterruptedException {
        start(Optional.empty(), Duration.ofMillis(200));
        notifications.booted();
        notifications.configurationApplied();
        assertThat(systemd.next(QUIET)).isEmpty();
        assertThat(watchdog.rounds).as("asked again after each 200 ms").hasSizeGreaterThan(1);

        // the watchdog restarted the stuck loop: the rounds answer again
        watchdog.loopsAnswerFromNowOn();
        assertThat(systemd.next(ARRIVAL)).contains("READY=1\nSTATUS=running");
    }

    @Test
    void watchdogPingsStopWhileALoopDoesNotAnswerAndComeBackAfter() throws InterruptedException {
        start(Optional.of(Duration.ofMillis(200)), Duration.ofSeconds(30));
        assertThat(systemd.next(ARRIVAL)).contains("WATCHDOG=1");
        assertThat(systemd.next(ARRIVAL)).contains("WATCHDOG=1");

        watchdog.healthy = false;
        Thread.sleep(150);
        while (systemd.next(Duration.ZERO).isPresent()) {
            // pings sent before the change
        }
        assertThat(systemd.next(QUIET)).as("no ping while a loop does not answer").isEmpty();

        watchdog.healthy = true;
        assertThat(systemd.next(ARRIVAL)).contains("WATCHDOG=1");
    }

    @Test
    void theWatchdogIntervalIsWatchdogUsecUnlessWatchdogPidNamesAnotherProcess() {
        String self = Long.toString(ProcessHandle.current().pid());
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000"))).contains(Duration.ofSeconds(30));
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", self)))
                .contains(Duration.ofSeconds(30));
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1"))).isEmpty();
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "soon"))).isEmpty();
        assertThat(SystemdNotifier.watchdogInterval(Map.of())).isEmpty();
    }

    private void start(Optional<Duration> watchdogInterval, Duration loopAnswer) {
        String path = directory.resolve("notify").toString();
        systemd = new BoundDatagramSocket(path);
        notifications = new Notifications(NotifySocket.of(path).orElseThrow(), watchdog, watchdogInterval, loopAnswer);
    }
}
