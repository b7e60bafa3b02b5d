package org.jkeepalived.core.internal.systemd;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.core.api.watchdog.Watchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to tell the service manager, and when: {@code READY=1} once the container booted, the
 * configuration is in place and every supervised loop ran what it was given (tried again while a
 * loop does not answer, until the watchdog has restarted it); {@code RELOADING=1} when a reload
 * begins; {@code STOPPING=1}; and {@code WATCHDOG=1} at half of {@code WatchdogSec}, only while the
 * watchdog sees every loop answer.
 */
final class Notifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final NotifySocket socket;
    private final Watchdog watchdog;
    private final Duration loopAnswer;
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "systemd-notify");
        thread.setDaemon(true);
        return thread;
    });
    private boolean booted;
    private boolean configured;
    /** Used on the pings' thread only. */
    private boolean withholding;

    /**
     * @param socket the service manager's socket
     * @param watchdog whether every loop answers
     * @param watchdogInterval WatchdogSec, if systemd asks for pings
     * @param loopAnswer how long the loops may take to run what they were given before READY=1 is tried again
     */
    Notifications(NotifySocket socket, Watchdog watchdog, Optional<Duration> watchdogInterval, Duration loopAnswer) {
        this.socket = socket;
        this.watchdog = watchdog;
        this.loopAnswer = loopAnswer;
        watchdogInterval.ifPresent(interval -> {
            long half = interval.toNanos() / 2;
            LOG.info("systemd: WatchdogSec is {} ms; WATCHDOG=1 every {} ms while every loop answers", interval.toMillis(),
                    half / 1_000_000);
            pings.scheduleAtFixedRate(this::ping, 0, half, TimeUnit.NANOSECONDS);
        });
    }

    /** The container booted with every feature. */
    void booted() {
        synchronized (this) {
            booted = true;
        }
        readyIfDue();
    }

    /** The configuration to run is in place. */
    void configurationApplied() {
        synchronized (this) {
            configured = true;
        }
        readyIfDue();
    }

    /** A reload begins. */
    void reloading() {
        synchronized (this) {
            configured = false;
        }
        // systemd 253 and later want the time of the reload with it; CLOCK_MONOTONIC is nanoTime's clock
        send("RELOADING=1\nMONOTONIC_USEC=" + System.nanoTime() / 1000);
    }

    /** The container begins to stop. */
    void stopping() {
        send("STOPPING=1\nSTATUS=stopping");
    }

    private void readyIfDue() {
        synchronized (this) {
            if (!booted || !configured) {
                return;
            }
        }
        readyWhenLoopsAnswer();
    }

    private void readyWhenLoopsAnswer() {
        watchdog.throughEveryLoop().toCompletableFuture().orTimeout(loopAnswer.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        send("READY=1\nSTATUS=running");
                    } else if (!pings.isShutdown()) {
                        LOG.warn("systemd: a loop did not run what it was given in {} ms; READY=1 waits for the watchdog"
                                + " to restart it", loopAnswer.toMillis());
                        readyWhenLoopsAnswer();
                    }
                });
    }

    private void ping() {
        boolean healthy = watchdog.healthy();
        if (healthy) {
            send("WATCHDOG=1");
        } else if (!withholding) {
            LOG.error("systemd: a loop does not answer the watchdog; WATCHDOG=1 withheld until it does");
        }
        withholding = !healthy;
    }

    private void send(String assignments) {
        try {
            socket.send(assignments);
            LOG.debug("systemd: {}", assignments.replace('\n', ' '));
        } catch (IllegalStateException e) {
            LOG.warn("systemd: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        pings.shutdownNow();
        socket.close();
    }
}
