package org.jkeepalived.vrrp.internal.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jkeepalived.core.api.loop.LoopTimer;

/** A loop's clock and timers that move only when a test runs them: timing checked without waiting. */
final class VirtualLoop {

    private final List<VirtualTimer> timers = new ArrayList<>();
    private long now;

    /** @return the clock, in nanoseconds */
    long now() {
        return now;
    }

    /** @param time where the clock jumps, with no timer run */
    void setNow(long time) {
        now = time;
    }

    /** @return makes timers on this clock, as {@code loop::newTimer} */
    Function<Runnable, LoopTimer> timers() {
        return action -> {
            VirtualTimer timer = new VirtualTimer(action);
            timers.add(timer);
            return timer;
        };
    }

    /** Runs the timers due up to {@code time} in deadline order, moving the clock to each, then to {@code time}. */
    void runUntil(long time) {
        while (true) {
            VirtualTimer next = timers.stream().filter(t -> t.armed && t.deadline <= time)
                    .min(Comparator.comparingLong(t -> t.deadline)).orElse(null);
            if (next == null) {
                now = time;
                return;
            }
            now = Math.max(now, next.deadline);
            next.armed = false;
            next.action.run();
        }
    }

    private final class VirtualTimer implements LoopTimer {

        final Runnable action;
        long deadline;
        boolean armed;

        VirtualTimer(Runnable action) {
            this.action = action;
        }

        @Override
        public void scheduleAt(long deadlineNanos) {
            deadline = deadlineNanos;
            armed = true;
        }

        @Override
        public void scheduleAfter(long delayNanos) {
            scheduleAt(now + delayNanos);
        }

        @Override
        public boolean cancel() {
            boolean was = armed;
            armed = false;
            return was;
        }

        @Override
        public boolean isScheduled() {
            return armed;
        }

        @Override
        public long deadline() {
            return deadline;
        }
    }
}
