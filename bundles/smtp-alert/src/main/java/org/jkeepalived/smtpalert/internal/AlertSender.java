package org.jkeepalived.smtpalert.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails alerts on a thread of its own, in the order they were raised, so that neither VRRP nor the
 * checkers ever wait for an SMTP server. An alert the server does not take stays first in the
 * queue and is tried again after a delay that doubles up to a ceiling, so an SMTP server that is
 * down or restarting gets its alerts when it is back. The queue is bounded: when it is full the
 * oldest alert is dropped, and the log says so with a count.
 */
final class AlertSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);

    private final SmtpTransport transport;
    private final int capacity;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by lock. */
    private final ArrayDeque<Alert> queue = new ArrayDeque<>();
    /** Guarded by lock. */
    private Optional<MailSettings> settings = Optional.empty();
    /** Guarded by lock: when the first alert may be tried again, in System.nanoTime() terms. */
    private long retryAt;
    /** Guarded by lock. */
    private long dropped;
    /** Guarded by lock. */
    private boolean closed;

    /**
     * @param transport how one alert is sent
     * @param capacity how many alerts wait at most
     * @param firstRetry the delay before the first retry of an alert
     * @param maxRetry the longest delay between retries
     */
    AlertSender(SmtpTransport transport, int capacity, Duration firstRetry, Duration maxRetry) {
        this.transport = Objects.requireNonNull(transport, "transport");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
        this.maxRetry = Objects.requireNonNull(maxRetry, "maxRetry");
        this.thread = new Thread(this::run, "smtp-alert");
        thread.setDaemon(true);
    }

    /** Starts the sending thread. */
    void start() {
        thread.start();
    }

    /**
     * Takes new settings, from a new configuration: alerts waiting are tried at once with them.
     *
     * @param settings where alerts go; empty when the configuration sends no mail, which drops those
     *                 waiting
     */
    void settings(Optional<MailSettings> settings) {
        lock.lock();
        try {
            this.settings = Objects.requireNonNull(settings, "settings");
            retryAt = System.nanoTime();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues an alert; returns at once.
     *
     * @param alert the alert
     */
    void submit(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        lock.lock();
        try {
            if (closed) {
                LOG.warn("SMTP alert '{}' not sent: alerts are stopping", alert.subject());
                return;
            }
            if (queue.size() == capacity) {
                Alert oldest = queue.removeFirst();
                dropped++;
                LOG.warn("SMTP alert queue full ({} alerts): dropped the oldest, '{}'; {} dropped since start",
                        capacity, oldest.subject(), dropped);
            }
            queue.addLast(alert);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many alerts wait */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the sending thread; alerts not sent by then are lost, and the log says how many. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = waiting();
        if (left > 0) {
            LOG.warn("SMTP alerts stopped with {} alert(s) not sent", left);
        }
    }

    private void run() {
        int failures = 0;
        while (true) {
            Alert alert;
            MailSettings target;
            lock.lock();
            try {
                Optional<Alert> next = awaitNext();
                if (next.isEmpty()) {
                    return;
                }
                alert = next.get();
                target = settings.get();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                transport.send(target, alert);
                LOG.info("SMTP alert '{}' sent through {}", alert.subject(), target.server());
                failures = 0;
                sent(alert);
            } catch (IOException e) {
                failures++;
                Duration delay = backoff(failures);
                LOG.warn("SMTP alert '{}' not sent through {} (attempt {}): {}; next attempt in {} ms", alert.subject(),
                        target.server(), failures, reason(e), delay.toMillis());
                retryIn(delay);
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Waits, under the lock, for an alert to try and settings to send it with; empty once closed. */
    private Optional<Alert> awaitNext() throws InterruptedException {
        while (!closed) {
            if (!queue.isEmpty() && settings.isEmpty()) {
                LOG.warn("SMTP alerts: smtp_server or notification_email is no longer set; {} alert(s) waiting are dropped",
                        queue.size());
                queue.clear();
            }
            long wait = retryAt - System.nanoTime();
            if (queue.isEmpty()) {
                changed.await();
            } else if (wait > 0) {
                changed.awaitNanos(wait);
            } else {
                return Optional.of(queue.peekFirst());
            }
        }
        return Optional.empty();
    }

    /** Takes a sent alert off the queue, unless a full queue dropped it meanwhile. */
    private void sent(Alert alert) {
        lock.lock();
        try {
            if (queue.peekFirst() == alert) {
                queue.removeFirst();
            }
            retryAt = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /** Holds the next attempt back after a failed one. */
    private void retryIn(Duration delay) {
        lock.lock();
        try {
            retryAt = System.nanoTime() + delay.toNanos();
        } finally {
            lock.unlock();
        }
    }

    private Duration backoff(int failures) {
        Duration delay = firstRetry;
        for (int i = 1; i < failures && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
