package org.jkeepalived.core.api.loop;

import java.util.concurrent.Executor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One thread that runs timers, file-descriptor handlers and posted tasks, one at a time.
 *
 * <p>{@link #execute}, {@link #newTimer} and {@link #watch} may be called from any thread. Handlers
 * always run on the loop's thread. A handler that throws is logged and the loop goes on.
 *
 * <p>Within one loop, tasks posted by one thread run in the order posted; timers run in deadline
 * order, and timers with the same deadline in the order they were armed.
 */
@ProviderType
public interface EventLoop extends Executor, AutoCloseable {

    /** @return the loop's name, also the name of its thread */
    String name();

    /** @return whether the caller runs on this loop's thread */
    boolean inEventLoop();

    /**
     * Runs {@code task} on the loop's thread, after the tasks posted before it.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException if the loop is closed
     */
    @Override
    void execute(Runnable task);

    /**
     * Creates a timer that runs {@code action} on this loop each time it is armed and its deadline
     * passes. The timer is created disarmed and can be re-armed any number of times without
     * allocating, which suits per-packet deadlines such as VRRP's Master_Down_Timer.
     *
     * @param action what to run when the timer fires
     * @return the timer
     */
    LoopTimer newTimer(Runnable action);

    /**
     * Watches a file descriptor for readiness. The descriptor must be non-blocking; the loop does not
     * own it and never closes it, but the caller must {@linkplain FdWatch#close() stop watching}
     * before closing it.
     *
     * @param fd the file descriptor
     * @param events a mask of {@link FdEvents#READABLE} and {@link FdEvents#WRITABLE}
     * @param handler runs on the loop's thread when the descriptor is ready
     * @return the watch, to change its events or stop it
     */
    FdWatch watch(int fd, int events, FdHandler handler);

    /**
     * The loop's clock: {@link System#nanoTime()}, which is {@code CLOCK_MONOTONIC} on Linux.
     *
     * @return nanoseconds on the monotonic clock
     */
    default long nanoTime() {
        return System.nanoTime();
    }

    /**
     * Stops the loop: pending tasks and timers are dropped, the thread ends. Waits for the thread
     * unless called from it.
     */
    @Override
    void close();

    /**
     * Gives up on a loop whose thread no longer answers, without waiting for it: the loop takes no
     * more work, its name is free for a new loop at once, and its thread is interrupted. The thread
     * ends when what it runs returns, dropping what was pending, and then runs {@code whenEnded},
     * which may release what only the stuck thread could still be using (its sockets).
     *
     * @param whenEnded runs on the loop's thread once it has left the loop
     */
    void abandon(Runnable whenEnded);
}
