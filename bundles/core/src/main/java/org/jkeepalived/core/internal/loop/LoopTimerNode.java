package org.jkeepalived.core.internal.loop;

import org.jkeepalived.core.api.loop.LoopTimer;

/** A timer of an {@link EpollEventLoop}; its fields are owned by the loop's thread. */
final class LoopTimerNode implements LoopTimer {

    private final EpollEventLoop loop;
    final Runnable action;
    volatile long deadline;
    long sequence;
    int heapIndex = -1;

    LoopTimerNode(EpollEventLoop loop, Runnable action) {
        this.loop = loop;
        this.action = action;
    }

    @Override
    public void scheduleAt(long deadlineNanos) {
        if (loop.inEventLoop()) {
            loop.arm(this, deadlineNanos);
        } else {
            loop.execute(() -> loop.arm(this, deadlineNanos));
        }
    }

    @Override
    public void scheduleAfter(long delayNanos) {
        scheduleAt(loop.nanoTime() + delayNanos);
    }

    @Override
    public boolean cancel() {
        if (loop.inEventLoop()) {
            return loop.disarm(this);
        }
        boolean wasScheduled = isScheduled();
        loop.execute(() -> loop.disarm(this));
        return wasScheduled;
    }

    @Override
    public boolean isScheduled() {
        return heapIndex >= 0;
    }

    @Override
    public long deadline() {
        return deadline;
    }
}
