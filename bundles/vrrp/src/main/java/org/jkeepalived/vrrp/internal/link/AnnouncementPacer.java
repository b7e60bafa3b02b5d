package org.jkeepalived.vrrp.internal.link;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.jkeepalived.core.api.loop.LoopTimer;

/**
 * Spaces the announcements of one kind, gratuitous ARPs or unsolicited neighbour advertisements,
 * sent on one interface by all its instances: each goes at least its interval (vrrp_garp_interval,
 * vrrp_gna_interval) after the one before, for switches that cannot take a flood of them. A message
 * with no interval behind an empty queue goes at once. Used on the VRRP loop only.
 */
public final class AnnouncementPacer {

    private final LongSupplier clock;
    private final LoopTimer timer;
    private final Deque<Queued> queued = new ArrayDeque<>();
    private boolean sentBefore;
    private long lastSent;

    /**
     * @param clock the loop's clock, in nanoseconds
     * @param timers makes the timer that releases queued messages, such as {@code loop::newTimer}
     */
    public AnnouncementPacer(LongSupplier clock, Function<Runnable, LoopTimer> timers) {
        this.clock = clock;
        this.timer = timers.apply(this::release);
    }

    /**
     * Sends a message now, or queues it until its interval has passed since the one before.
     *
     * @param owner whose message it is, for {@link #withdraw(Object)}
     * @param interval the least time since the message before
     * @param message sends it
     */
    public void send(Object owner, Duration interval, Runnable message) {
        Queued next = new Queued(owner, interval.toNanos(), message);
        if (queued.isEmpty() && dueAt(next) - clock.getAsLong() <= 0) {
            sendNow(next);
            return;
        }
        queued.add(next);
        if (!timer.isScheduled()) {
            timer.scheduleAt(dueAt(queued.peek()));
        }
    }

    /**
     * Drops the queued messages of an owner: its instance left master, or closed its socket.
     *
     * @param owner as given to {@link #send(Object, Duration, Runnable)}
     */
    public void withdraw(Object owner) {
        if (queued.removeIf(message -> message.owner == owner) && queued.isEmpty()) {
            timer.cancel();
        }
    }

    private void release() {
        Queued next = queued.poll();
        if (next == null) {
            return;
        }
        sendNow(next);
        if (!queued.isEmpty()) {
            timer.scheduleAt(dueAt(queued.peek()));
        }
    }

    private void sendNow(Queued message) {
        lastSent = clock.getAsLong();
        sentBefore = true;
        message.send.run();
    }

    private long dueAt(Queued message) {
        return sentBefore ? lastSent + message.intervalNanos : Long.MIN_VALUE / 2;
    }

    private record Queued(Object owner, long intervalNanos, Runnable send) {
    }
}
