package org.jkeepalived.checker.udp;

import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.sockets.CheckerSockets;
import org.jkeepalived.checker.sockets.SocketFailures;

/**
 * Sends the payload from a UDP socket connected to the target, so that the kernel reports an ICMP
 * unreachable for it as an error of the socket, and waits connect_timeout: for a reply when one is
 * required, otherwise for an error that does not come.
 */
final class UdpChecker implements Checker {

    /** The size of the random payload sent when the block gives none. */
    private static final int RANDOM_PAYLOAD_LENGTH = 16;

    private final UdpCheckDefinition definition;
    private final CheckTarget target;
    private final EventLoop loop;
    private Channel channel;

    UdpChecker(UdpCheckDefinition definition, CheckTarget target, EventLoop loop) {
        this.definition = definition;
        this.target = target;
        this.loop = loop;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        Bootstrap bootstrap;
        try {
            bootstrap = bootstrap(outcome);
        } catch (IllegalStateException e) {
            return CompletableFuture.completedFuture(CheckOutcome.down(e.getMessage()));
        }
        InetSocketAddress source = target.bindAddress().orElse(null);
        ChannelFuture connect = source == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), source);
        Optional<String> notOpened = CheckerSockets.notOpened(connect);
        if (notOpened.isPresent()) {
            return CompletableFuture.completedFuture(CheckOutcome.down(notOpened.get()));
        }
        Channel opened = connect.channel();
        channel = opened;
        Duration wait = target.connectTimeout();
        ScheduledFuture<?> deadline = loop.schedule(() -> outcome.complete(definition.requireReply()
                ? CheckOutcome.down("no reply within " + SocketFailures.describe(wait))
                : CheckOutcome.up("no ICMP error within " + SocketFailures.describe(wait))), wait.toNanos(), TimeUnit.NANOSECONDS);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                outcome.complete(CheckOutcome.down(SocketFailures.reason(done.cause())));
                return;
            }
            opened.writeAndFlush(Unpooled.wrappedBuffer(payload())).addListener(sent -> {
                if (!sent.isSuccess()) {
                    outcome.complete(CheckOutcome.down(failure(sent.cause())));
                }
            });
        });
        // Judged, failed or cancelled by the engine: the socket is closed.
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

    private byte[] payload() {
        if (definition.payload().isPresent()) {
            return definition.payload().get().bytes();
        }
        byte[] random = new byte[RANDOM_PAYLOAD_LENGTH];
        ThreadLocalRandom.current().nextBytes(random);
        return random;
    }

    /** What a reply means: any reply passes unless one is required, which must then have the length and bytes asked for. */
    private CheckOutcome judge(byte[] reply) {
        if (!definition.requireReply()) {
            return CheckOutcome.up("replied with " + reply.length + " bytes");
        }
        if (reply.length < definition.minReplyLength() || reply.length > definition.maxReplyLength()) {
            return CheckOutcome.down("replied with " + reply.length + " bytes, expected " + definition.minReplyLength()
                    + " to " + definition.maxReplyLength());
        }
        if (definition.reply().isPresent() && !definition.reply().get().matches(reply)) {
            return CheckOutcome.down("replied " + ByteBufUtil.hexDump(reply, 0, Math.min(reply.length, 32))
                    + (reply.length > 32 ? "..." : "") + ", expected " + definition.reply().get());
        }
        return CheckOutcome.up("replied with " + reply.length + " bytes as required");
    }

    private Bootstrap bootstrap(CompletableFuture<CheckOutcome> outcome) {
        return CheckerSockets.udp(loop, target.address(), target.bindInterface(), target.fwmark())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new SimpleChannelInboundHandler<DatagramPacket>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                                outcome.complete(judge(ByteBufUtil.getBytes(packet.content())));
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                outcome.complete(CheckOutcome.down(failure(cause)));
                            }
                        });
                    }
                });
    }

    /** The ICMP errors the kernel reports on a connected UDP socket, named as such. */
    private String failure(Throwable cause) {
        if (cause instanceof PortUnreachableException) {
            return "ICMP port unreachable: nothing listens on " + target;
        }
        if (cause instanceof NoRouteToHostException) {
            return "ICMP host unreachable: no route to " + target;
        }
        return SocketFailures.reason(cause);
    }

}
