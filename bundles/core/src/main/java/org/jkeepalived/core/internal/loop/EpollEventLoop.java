package org.jkeepalived.core.internal.loop;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.FdHandler;
import org.jkeepalived.core.api.loop.FdWatch;
import org.jkeepalived.core.api.loop.LoopTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event loop on epoll. Timers live in a heap on the loop's thread; the earliest deadline arms
 * a timerfd with {@code TFD_TIMER_ABSTIME} on {@code CLOCK_MONOTONIC}, so a timer fires at its
 * deadline with nanosecond resolution whatever the loop did before sleeping. Other threads post
 * tasks to a queue and wake the loop through an eventfd.
 */
final class EpollEventLoop implements EventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EpollEventLoop.class);

    private static final int MAX_READY = 64;
    /** Tasks run per turn at most, so that a flood of tasks does not hold timers back. */
    private static final int MAX_TASKS_PER_TURN = 1024;
    private static final int TFD_TIMER_ABSTIME = 1;
    private static final long WAKE_TOKEN = -1;
    private static final long TIMER_TOKEN = -2;
    private static final long DISARMED = Long.MAX_VALUE;

    private final String name;
    private final Epoll epoll = new Epoll(MAX_READY);
    private final int wakeFd;
    private final int timerFd;
    private final Memory counter = new Memory(8);
    private final Memory one = new Memory(8);
    private final Memory timerSpec = new Memory(32);
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final TimerHeap timers = new TimerHeap();
    private final Thread thread;
    private final Consumer<EpollEventLoop> onClosed;

    private FdWatchNode[] watches = new FdWatchNode[16];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int usedSlots;
    private int generation;
    private long timerSequence;
    private long armedDeadline = DISARMED;
    private volatile boolean closing;
    /** What an abandoned loop's thread runs when it ends; taken once, by that thread or by {@link #abandon}. */
    private final AtomicReference<Runnable> whenAbandonedEnds = new AtomicReference<>();
    private volatile boolean ended;

    EpollEventLoop(String name, Consumer<EpollEventLoop> onClosed) {
        this.name = name;
        this.onClosed = onClosed;
        this.wakeFd = LinuxLibc.eventfd(0, LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC);
        this.timerFd = LinuxLibc.timerfd_create(LinuxLibc.CLOCK_MONOTONIC,
                LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC);
        one.setLong(0, 1);
        timerSpec.clear();
        epoll.add(wakeFd, 0x001, WAKE_TOKEN);
        epoll.add(timerFd, 0x001, TIMER_TOKEN);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable task) {
        if (closing) {
            throw new RejectedExecutionException("event loop " + name + " is closed");
        }
        tasks.add(task);
        if (!inEventLoop() && wakeupPending.compareAndSet(false, true)) {
            LinuxLibc.write(wakeFd, one, 8);
        }
    }

    @Override
    public LoopTimer newTimer(Runnable action) {
        return new LoopTimerNode(this, action);
    }

    @Override
    public FdWatch watch(int fd, int events, FdHandler handler) {
        FdWatchNode node = new FdWatchNode(this, fd, events, handler);
        runInLoop(() -> register(node));
        return node;
    }

    @Override
    public void close() {
        if (!closing) {
            closing = true;
            if (!inEventLoop()) {
                LinuxLibc.write(wakeFd, one, 8);
            }
        }
        if (!inEventLoop()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void abandon(Runnable whenEnded) {
        whenAbandonedEnds.set(whenEnded);
        // the name goes now: a new loop of the same name must not wait for this thread
        onClosed.accept(this);
        if (!closing) {
            closing = true;
            LinuxLibc.write(wakeFd, one, 8);
        }
        thread.interrupt();
        LOG.warn("{}: abandoned; its thread ends when what it runs returns", name);
        if (ended) {
            runWhenAbandonedEnds();
        }
    }

    @Override
    public String toString() {
        return "EventLoop[" + name + "]";
    }

    void runInLoop(Runnable action) {
        if (inEventLoop()) {
            action.run();
        } else {
            execute(action);
        }
    }

    void arm(LoopTimerNode timer, long deadline) {
        if (timer.isScheduled()) {
            timers.remove(timer);
        }
        timer.deadline = deadline;
        timer.sequence = timerSequence++;
        timers.add(timer);
    }

    boolean disarm(LoopTimerNode timer) {
        if (!timer.isScheduled()) {
            return false;
        }
        timers.remove(timer);
        return true;
    }

    private void register(FdWatchNode node) {
        if (node.closed) {
            return;
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : usedSlots++;
        if (slot >= watches.length) {
            watches = Arrays.copyOf(watches, watches.length * 2);
        }
        watches[slot] = node;
        node.token = ((long) ++generation << 32) | slot;
        try {
            epoll.add(node.fd(), node.events, node.token);
        } catch (LastErrorException e) {
            release(node);
            LOG.error("{}: cannot watch file descriptor {}: {}", name, node.fd(), Errno.describe(e));
        }
    }

    void changeEvents(FdWatchNode node, int events) {
        node.events = events;
        if (node.token >= 0 && !node.closed) {
            epoll.modify(node.fd(), events, node.token);
        }
    }

    void unwatch(FdWatchNode node) {
        if (node.closed) {
            return;
        }
        node.closed = true;
        if (node.token >= 0) {
            try {
                epoll.remove(node.fd());
            } catch (LastErrorException e) {
                // Closing the descriptor first already removed it from the epoll set.
                LOG.debug("{}: descriptor {} left epoll on close: {}", name, node.fd(), Errno.describe(e));
            }
            release(node);
        }
    }

    private void release(FdWatchNode node) {
        int slot = (int) node.token;
        watches[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
        node.token = -1;
    }

    private void run() {
        LOG.debug("{}: started", name);
        try {
            while (!closing) {
                armTimerFd();
                int ready = awaitReady(tasks.isEmpty() ? -1 : 0);
                // closing is checked between handlers: an abandoned loop whose stuck handler returns runs nothing more
                for (int i = 0; i < ready && !closing; i++) {
                    dispatch(epoll.data(i), epoll.events(i));
                }
                runExpiredTimers();
                runTasks();
            }
        } catch (Throwable fatal) {
            LOG.error("{}: stopped by an unexpected error", name, fatal);
            closing = true;
            throw fatal;
        } finally {
            tasks.clear();
            epoll.close();
            LinuxLibc.close(wakeFd);
            LinuxLibc.close(timerFd);
            counter.close();
            one.close();
            timerSpec.close();
            onClosed.accept(this);
            LOG.debug("{}: stopped", name);
            ended = true;
            runWhenAbandonedEnds();
        }
    }

    private void runWhenAbandonedEnds() {
        Runnable action = whenAbandonedEnds.getAndSet(null);
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("{}: cleaning up after the abandoned loop failed", name, e);
            }
        }
    }

    private int awaitReady(int timeoutMillis) {
        try {
            return epoll.await(timeoutMillis);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EINTR) {
                return 0;
            }
            throw e;
        }
    }

    private void dispatch(long token, int events) {
        if (token == WAKE_TOKEN) {
            drain(wakeFd);
            wakeupPending.set(false);
        } else if (token == TIMER_TOKEN) {
            drain(timerFd);
            armedDeadline = DISARMED;
        } else {
            FdWatchNode node = watches[(int) token];
            if (node != null && node.token == token) {
                try {
                    node.handler.ready(events);
                } catch (Throwable e) {
                    LOG.error("{}: handler of descriptor {} failed", name, node.fd(), e);
                }
            }
        }
    }

    private void drain(int fd) {
        try {
            LinuxLibc.read(fd, counter, 8);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Errno.EAGAIN) {
                throw e;
            }
        }
    }

    private void armTimerFd() {
        LoopTimerNode first = timers.peek();
        long deadline = first == null ? DISARMED : first.deadline;
        if (deadline == armedDeadline) {
            return;
        }
        if (first == null) {
            timerSpec.clear();
        } else {
            // it_value of zero would disarm: a deadline at or before the epoch of the clock fires at 1 ns.
            long at = Math.max(deadline, 1);
            timerSpec.setLong(16, at / 1_000_000_000L);
            timerSpec.setLong(24, at % 1_000_000_000L);
        }
        LinuxLibc.timerfd_settime(timerFd, first == null ? 0 : TFD_TIMER_ABSTIME, timerSpec, null);
        armedDeadline = deadline;
    }

    /**
     * Runs the timers due now. A timer re-armed by its own action into the past waits for the next
     * turn, so that a late periodic job cannot keep the loop away from its descriptors.
     */
    private void runExpiredTimers() {
        long now = System.nanoTime();
        long sequenceLimit = timerSequence;
        LoopTimerNode first;
        while (!closing && (first = timers.peek()) != null && first.deadline - now <= 0 && first.sequence < sequenceLimit) {
            timers.poll();
            try {
                first.action.run();
            } catch (Throwable e) {
                LOG.error("{}: timer failed", name, e);
            }
        }
    }

    private void runTasks() {
        for (int i = 0; i < MAX_TASKS_PER_TURN && !closing; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (Throwable e) {
                LOG.error("{}: task failed", name, e);
            }
        }
    }
}
