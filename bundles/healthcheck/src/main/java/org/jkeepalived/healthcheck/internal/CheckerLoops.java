package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loops that run the checks: a few Netty epoll event loops, threads {@code checker-1} to
 * {@code checker-N}, owned by the engine and shared by nothing else (never the VRRP loop). Netty
 * checkers register their channels on the loop that calls them. Each loop is a group of its own, so
 * that the watchdog can replace one that is stuck.
 */
final class CheckerLoops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerLoops.class);

    /** A loop, its one-loop group and its thread. */
    private record Slot(EventLoopGroup group, EventLoop loop, AtomicReference<Thread> thread) {
    }

    /**
     * A stuck loop and the fresh one that took its place.
     *
     * @param stuck the loop given up on
     * @param fresh the loop that replaces it
     */
    record Replacement(EventLoop stuck, EventLoop fresh) {
    }

    private final IoHandlerFactory ioHandler = ioHandler();
    private final AtomicReferenceArray<Slot> slots;
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * @param threads how many loops
     */
    CheckerLoops(int threads) {
        this.slots = new AtomicReferenceArray<>(threads);
        for (int i = 0; i < threads; i++) {
            slots.set(i, open(i));
        }
    }

    /** @return the next loop, in turn, for a new real server */
    EventLoop next() {
        return slots.get(Math.floorMod(turn.getAndIncrement(), slots.length())).loop();
    }

    /** @return each loop by its name, {@code checker-1} first */
    Map<String, Executor> byName() {
        Map<String, Executor> loops = new LinkedHashMap<>();
        for (int i = 0; i < slots.length(); i++) {
            loops.put(name(i), slots.get(i).loop());
        }
        return loops;
    }

    /**
     * Puts a fresh loop in the place of a stuck one, under the same name. The stuck one is shut down
     * and its thread interrupted, without waiting: it closes its channels when what it runs returns.
     *
     * @param name the stuck loop's name
     * @return the stuck loop and its replacement
     * @throws IllegalArgumentException if no loop has that name
     */
    Replacement replace(String name) {
        for (int i = 0; i < slots.length(); i++) {
            if (name(i).equals(name)) {
                Slot stuck = slots.get(i);
                Slot fresh = open(i);
                slots.set(i, fresh);
                stuck.group().shutdownGracefully(0, 0, TimeUnit.SECONDS);
                Thread thread = stuck.thread().get();
                if (thread != null) {
                    thread.interrupt();
                }
                LOG.warn("checker loop {} replaced by a fresh one; the stuck thread ends when what it runs returns", name);
                return new Replacement(stuck.loop(), fresh.loop());
            }
        }
        throw new IllegalArgumentException("no checker loop is named " + name);
    }

    @Override
    public void close() {
        List<Future<?>> stopping = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            stopping.add(slots.get(i).group().shutdownGracefully(0, 2, TimeUnit.SECONDS));
        }
        stopping.forEach(future -> future.awaitUninterruptibly(10, TimeUnit.SECONDS));
    }

    private Slot open(int index) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, task -> {
            Thread loopThread = new FastThreadLocalThread(task, name(index));
            loopThread.setDaemon(true);
            thread.set(loopThread);
            return loopThread;
        }, ioHandler);
        return new Slot(group, group.next(), thread);
    }

    private static String name(int index) {
        return "checker-" + (index + 1);
    }

    private static IoHandlerFactory ioHandler() {
        if (Epoll.isAvailable()) {
            return EpollIoHandler.newFactory();
        }
        // Checks still run, but without the socket options only epoll has (fwmark).
        LOG.error("checker loops run on NIO: Netty's epoll transport is unavailable: {}", Epoll.unavailabilityCause().toString());
        return NioIoHandler.newFactory();
    }
}
