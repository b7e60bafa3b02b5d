package org.jkeepalived.checker.ping;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.sockets.SocketFailures;

/**
 * Sends one echo request per probe from a ping socket registered on the checker loop, and waits
 * connect_timeout for the reply with its sequence number. The kernel gives a ping socket only the
 * replies to its own identifier.
 */
final class PingChecker implements Checker {

    private static final int DATA_LENGTH = 16;
    private static final int SEQUENCES = 0x10000;

    private final CheckTarget target;
    private final EventLoop loop;
    private final boolean ipv6;
    private int sequence = ThreadLocalRandom.current().nextInt(SEQUENCES);
    private EpollDatagramChannel channel;

    PingChecker(CheckTarget target, EventLoop loop) {
        this.target = target;
        this.loop = loop;
        this.ipv6 = target.address().getAddress() instanceof Inet6Address;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        if (!Epoll.isAvailable()) {
            return CompletableFuture.completedFuture(CheckOutcome.down("PING_CHECK needs Netty's epoll transport, which is unavailable"));
        }
        EpollDatagramChannel opened;
        try {
            opened = new EpollDatagramChannel(PingSockets.open(ipv6, target.bindInterface().orElse(null), target.fwmark()));
        } catch (IllegalStateException e) {
            return CompletableFuture.completedFuture(CheckOutcome.down(e.getMessage()));
        }
        channel = opened;
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        sequence = (sequence + 1) % SEQUENCES;
        int expected = sequence;
        long sent = System.nanoTime();
        opened.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                OptionalInt reply = EchoMessage.replySequence(ipv6, packet.content());
                if (reply.isPresent() && reply.getAsInt() == expected) {
                    outcome.complete(CheckOutcome.up("echo reply in " + TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent) + " µs"));
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                outcome.complete(CheckOutcome.down("echo failed: " + cause.getMessage()));
            }
        });
        Duration wait = target.connectTimeout();
        ScheduledFuture<?> deadline = loop.schedule(() -> outcome.complete(CheckOutcome.down("no echo reply within " + SocketFailures.describe(wait))),
                wait.toNanos(), TimeUnit.NANOSECONDS);
        loop.register(opened).addListener(registered -> {
            if (!registered.isSuccess()) {
                outcome.complete(CheckOutcome.down("cannot use the ping socket: " + registered.cause()));
                return;
            }
            if (target.bindAddress().isPresent()) {
                opened.bind(new InetSocketAddress(target.bindAddress().get().getAddress(), 0)).addListener(bound -> {
                    if (bound.isSuccess()) {
                        send(opened, expected, outcome);
                    } else {
                        outcome.complete(CheckOutcome.down("cannot bind to " + target.bindAddress().get().getAddress().getHostAddress()
                                + ": " + bound.cause().getMessage()));
                    }
                });
            } else {
                send(opened, expected, outcome);
            }
        });
        // Answered, failed or cancelled by the engine: the socket is closed.
        outcome.whenComplete((result, failure) -> {
            deadline.cancel(false);
            opened.close();
            if (channel == opened) {
                channel = null;
            }
        });
        return outcome;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void send(EpollDatagramChannel opened, int expected, CompletableFuture<CheckOutcome> outcome) {
        byte[] data = new byte[DATA_LENGTH];
        ThreadLocalRandom.current().nextBytes(data);
        InetSocketAddress server = new InetSocketAddress(target.address().getAddress(), 0);
        opened.writeAndFlush(new DatagramPacket(EchoMessage.request(ipv6, expected, data), server)).addListener(written -> {
            if (!written.isSuccess()) {
                outcome.complete(CheckOutcome.down("cannot send the echo request: " + written.cause().getMessage()));
            }
        });
    }
}
