package org.jkeepalived.benchmarks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;

/**
 * The real servers of the scale benchmark: one listener each on loopback, served by one thread. The
 * listeners take fixed ports below the ephemeral range, {@value #PORTS_PER_ADDRESS} on each of
 * 127.0.0.1, 127.0.0.2 and so on, so that their number is not bounded by the ~28,000 ephemeral ports
 * of one address and the checks' own connections always find a source port.
 *
 * <p>Each listener notes when it accepts: how many connections in all, and the time between two
 * connections to the same real server, which is how the checker spaces its probes as the real
 * servers see it, whichever engine checks.
 */
final class RealServerFarm implements AutoCloseable {

    static final int FIRST_PORT = 10_000;
    static final int PORTS_PER_ADDRESS = 20_000;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final List<Channel> listeners;
    private final LongAdder accepted = new LongAdder();
    /** Written on the listeners' thread only, as the two below. */
    private final long[] lastAccept;
    private Samples gaps;

    /**
     * @param count how many real servers
     * @param server what each does with a connection, shared by all
     */
    RealServerFarm(int count, ChannelHandler server) throws InterruptedException {
        lastAccept = new long[count];
        gaps = new Samples();
        listeners = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                InetSocketAddress address = address(i);
                AcceptClock clock = new AcceptClock(i);
                ServerBootstrap bootstrap = new ServerBootstrap().group(loop).channel(EpollServerSocketChannel.class)
                        .childHandler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel channel) {
                                channel.pipeline().addLast(clock, server);
                            }
                        });
                try {
                    listeners.add(bootstrap.bind(address).sync().channel());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot listen on " + address + ": " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return where real server {@code index} listens */
    static InetSocketAddress address(int index) {
        byte[] loopback = {127, 0, 0, (byte) (1 + index / PORTS_PER_ADDRESS)};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(loopback), FIRST_PORT + index % PORTS_PER_ADDRESS);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    int size() {
        return listeners.size();
    }

    /** @return the connections accepted so far */
    long accepted() {
        return accepted.sum();
    }

    /** Forgets the gaps between connections noted so far: those of a warm-up. */
    void restartGaps() throws InterruptedException {
        onLoop(() -> {
            gaps = new Samples();
            return null;
        });
    }

    /** @return the time between two connections to the same real server, each of them, since {@link #restartGaps} */
    Samples gaps() throws InterruptedException {
        return onLoop(() -> gaps.copy());
    }

    /**
     * Closes the listeners of some real servers, as a real server dies: their next connections are
     * refused.
     *
     * @param indices which real servers
     * @return when each listener was closed, by its address, in nanoTime
     */
    Map<InetSocketAddress, Long> kill(List<Integer> indices) throws InterruptedException {
        Map<InetSocketAddress, Long> closedAt = new LinkedHashMap<>();
        for (int index : indices) {
            listeners.get(index).close().sync();
            closedAt.put(address(index), System.nanoTime());
        }
        return closedAt;
    }

    @Override
    public void close() throws InterruptedException {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> work) throws InterruptedException {
        try {
            return loop.submit(work).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Notes the connections of one listener; shared by them, all on the listeners' thread. */
    @ChannelHandler.Sharable
    private final class AcceptClock extends ChannelInboundHandlerAdapter {
        private final int index;

        AcceptClock(int index) {
            this.index = index;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            long now = System.nanoTime();
            accepted.increment();
            if (lastAccept[index] != 0) {
                gaps.add(now - lastAccept[index]);
            }
            lastAccept[index] = now;
            context.fireChannelActive();
        }
    }

    /** Durations in nanoseconds, in a growing array, for percentiles. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        Samples copy() {
            Samples copy = new Samples();
            copy.values = Arrays.copyOf(values, Math.max(1, size));
            copy.size = size;
            return copy;
        }

        int size() {
            return size;
        }

        /**
         * @param percent from 0 to 100
         * @return the value this share of the samples does not exceed (nearest rank), in ms; zero if none
         */
        double percentileMillis(double percent) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.max(1, Math.ceil(percent / 100 * size));
            return sorted[rank - 1] / 1e6;
        }

        /** @return p50, p99 and max in ms, offset by {@code minusMillis} */
        String summary(double minusMillis) {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", percentileMillis(50) - minusMillis,
                    percentileMillis(99) - minusMillis, percentileMillis(100) - minusMillis, size);
        }
    }
}
