package org.jkeepalived.healthcheck.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loops that run the checks: a few Netty epoll event loops, threads {@code checker-1} to
 * {@code checker-N}, owned by the engine and shared by nothing else (never the VRRP loop). Netty
 * checkers register their channels on the loop that calls them.
 */
final class CheckerLoops implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerLoops.class);

    private final EventLoopGroup group;

    /**
     * @param threads how many loops
     */
    CheckerLoops(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, threadFactory(), ioHandler());
    }

    /** @return the next loop, in turn, for a new real server */
    EventLoop next() {
        return group.next();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    private static IoHandlerFactory ioHandler() {
        if (Epoll.isAvailable()) {
            return EpollIoHandler.newFactory();
        }
        // Checks still run, but without the socket options only epoll has (fwmark).
        LOG.error("checker loops run on NIO: Netty's epoll transport is unavailable: {}", Epoll.unavailabilityCause().toString());
        return NioIoHandler.newFactory();
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new FastThreadLocalThread(task, "checker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
