package org.jkeepalived.checker.udp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/**
 * Sends the payload from a UDP socket connected to the target, so that the kernel reports an ICMP
 * unreachable for it as an error of the socket, and waits connect_timeout: for a reply when one is
 * required, otherwise for an error that does not come.
 */
final class UdpChecker implements Checker {

    /** socket(7): the SOL_SOCKET level and its SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final ChannelOption<Integer> MARK = new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);
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
        boolean epoll = Epoll.isAvailable();
        if (!epoll && (target.fwmark() != 0 || target.bindInterface().isPresent())) {
            return CompletableFuture.completedFuture(CheckOutcome.down("fwmark and bind_if need Netty's epoll transport, which is unavailable"));
        }
        InetSocketAddress source = target.bindAddress().orElse(null);
        Bootstrap bootstrap = bootstrap(epoll, outcome);
        ChannelFuture connect = source == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), source);
        Channel opened = connect.channel();
        if (!opened.isRegistered()) {
            // No socket could be made (EMFILE, ENOBUFS): Netty failed the connect at once, off this loop,
            // and there is nothing to close.
            return CompletableFuture.completedFuture(CheckOutcome.down("cannot open a socket: " + reason(connect.cause())));
        }
        channel = opened;
        Duration wait = target.connectTimeout();
        ScheduledFuture<?> deadline = loop.schedule(() -> outcome.complete(definition.requireReply()
                ? CheckOutcome.down("no reply within " + describe(wait))
                : CheckOutcome.up("no ICMP error within " + describe(wait))), wait.toNanos(), TimeUnit.NANOSECONDS);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                outcome.complete(CheckOutcome.down(reason(done.cause())));
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

    private Bootstrap bootstrap(boolean epoll, CompletableFuture<CheckOutcome> outcome) {
        SocketProtocolFamily family = target.address().getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
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
        if (target.fwmark() != 0) {
            bootstrap.option(MARK, target.fwmark());
        }
        target.bindInterface().ifPresent(device -> {
            byte[] bytes = device.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer value = ByteBuffer.allocateDirect(bytes.length + 1).put(bytes).put((byte) 0).flip();
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, bytes.length + 1), value);
        });
        return bootstrap;
    }

    /** The ICMP errors the kernel reports on a connected UDP socket, named as such. */
    private String failure(Throwable cause) {
        if (cause instanceof PortUnreachableException) {
            return "ICMP port unreachable: nothing listens on " + target;
        }
        if (cause instanceof NoRouteToHostException) {
            return "ICMP host unreachable: no route to " + target;
        }
        return reason(cause);
    }

    /** The reason of a socket error without Netty's system call and address. */
    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String[] parts = message.split(": ");
        String reason = message;
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank() && !parts[i].trim().matches("\\S*/\\S+:\\d+")) {
                reason = parts[i].trim();
                break;
            }
        }
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
