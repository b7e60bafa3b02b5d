package org.jkeepalived.core.api.loop;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A re-armable timer of an {@link EventLoop}. Arming or cancelling from the loop's thread takes
 * effect at once and allocates nothing; from another thread it is posted to the loop.
 */
@ProviderType
public interface LoopTimer {

    /**
     * Arms the timer at an absolute deadline, replacing the previous one if it was armed. A deadline
     * in the past fires on the next turn of the loop.
     *
     * @param deadlineNanos the deadline on {@link EventLoop#nanoTime()}'s clock
     */
    void scheduleAt(long deadlineNanos);

    /**
     * Arms the timer {@code delayNanos} from now.
     *
     * @param delayNanos the delay in nanoseconds
     */
    void scheduleAfter(long delayNanos);

    /**
     * Disarms the timer; its action will not run until it is armed again.
     *
     * @return whether it was armed
     */
    boolean cancel();

    /** @return whether the timer is armed */
    boolean isScheduled();

    /**
     * The deadline it was last armed at; a periodic job re-arms at {@code deadline() + period} so
     * that it never drifts.
     *
     * @return the last deadline, on {@link EventLoop#nanoTime()}'s clock
     */
    long deadline();
}
