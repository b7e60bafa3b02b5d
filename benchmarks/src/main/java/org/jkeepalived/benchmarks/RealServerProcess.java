package org.jkeepalived.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * A process of real servers for {@link RealServerFarm}: one listener each, real servers
 * {@code first} to {@code first + count - 1}, served by one thread. Each listener notes when it
 * accepts: how many connections in all, and the time between two connections to the same real
 * server.
 *
 * <p>It answers one-line requests on its standard input, one line each on its standard output:
 * {@code accepted} (a count), {@code restart} (forgets the gaps noted), {@code gaps} (each gap in
 * nanoseconds), {@code kill I,J,...} (closes those listeners, answers {@code I:NANOS,...}, when each
 * was closed in System.nanoTime, which is CLOCK_MONOTONIC on Linux and so comparable between
 * processes). It exits when its standard input ends.
 */
public final class RealServerProcess {

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final int first;
    private final List<Channel> listeners;
    private final LongAdder accepted = new LongAdder();
    /** Written on the listeners' thread only, as the two below. */
    private final long[] lastAccept;
    private RealServerFarm.Samples gaps = new RealServerFarm.Samples();

    private RealServerProcess(int first, int count, ChannelHandler server) {
        this.first = first;
        lastAccept = new long[count];
        listeners = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InetSocketAddress address = RealServerFarm.address(first + i);
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
    }

    /** @param args the checker (TCP_CHECK or HTTP_GET), the first real server's index, how many */
    public static void main(String[] args) throws Exception {
        ChannelHandler server = args[0].equals("HTTP_GET") ? new AnswerPage() : new CloseOnAccept();
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        OpenFiles.raise(count + 1024L, count + 1024L);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        RealServerProcess process;
        try {
            process = new RealServerProcess(first, count, server);
        } catch (RuntimeException e) {
            out.println("error " + e.getMessage());
            System.exit(1);
            return;
        }
        out.println("listening");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            for (String request = in.readLine(); request != null; request = in.readLine()) {
                out.println(process.answer(request));
            }
        } finally {
            process.loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private String answer(String request) throws InterruptedException {
        if (request.equals("accepted")) {
            return Long.toString(accepted.sum());
        } else if (request.equals("restart")) {
            return onLoop(() -> {
                gaps = new RealServerFarm.Samples();
                return "ok";
            });
        } else if (request.equals("gaps")) {
            return onLoop(() -> gaps.copy()).format();
        } else if (request.startsWith("kill ")) {
            StringBuilder closed = new StringBuilder();
            for (String index : request.substring("kill ".length()).split(",")) {
                int global = Integer.parseInt(index);
                listeners.get(global - first).close().sync();
                closed.append(closed.isEmpty() ? "" : ",").append(global).append(':').append(System.nanoTime());
            }
            return closed.toString();
        }
        return "error unknown request " + request;
    }

    private <T> T onLoop(Callable<T> work) throws InterruptedException {
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

    /** Accepts and closes at once. */
    @ChannelHandler.Sharable
    private static final class CloseOnAccept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext context) {
            context.close();
        }
    }

    /** Answers the first bytes of a request with a small page and closes, as an HTTP/1.0 server does. */
    @ChannelHandler.Sharable
    private static final class AnswerPage extends ChannelInboundHandlerAdapter {
        private static final byte[] PAGE = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
                .getBytes(StandardCharsets.US_ASCII);

        @Override
        public void channelRead(ChannelHandlerContext context, Object request) {
            ReferenceCountUtil.release(request);
            if (context.channel().isActive()) {
                context.writeAndFlush(Unpooled.wrappedBuffer(PAGE)).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
