package org.jkeepalived.checker.smtp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.jkeepalived.checker.api.CheckTarget;

/** One connection to one SMTP server, from connect to the answer to QUIT, on a checker loop. */
final class SmtpSession {

    /** RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets; some servers write more. */
    static final int MAX_LINE = 1000;

    /** socket(7): the SOL_SOCKET level and its SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final ChannelOption<Integer> MARK = new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);

    private final Channel channel;
    private final CompletableFuture<String> failure;

    private SmtpSession(Channel channel, CompletableFuture<String> failure) {
        this.channel = channel;
        this.failure = failure;
    }

    /**
     * Connects and holds the dialogue.
     *
     * @param loop the checker loop
     * @param target the server, its source and its connect_timeout, which also bounds each answer
     * @param heloName the name sent with HELO
     * @return the session under way
     */
    static SmtpSession start(EventLoop loop, CheckTarget target, String heloName) {
        CompletableFuture<String> failure = new CompletableFuture<>();
        boolean epoll = Epoll.isAvailable();
        if (!epoll && (target.fwmark() != 0 || target.bindInterface().isPresent())) {
            failure.complete("fwmark and bind_if need Netty's epoll transport, which is unavailable");
            return new SmtpSession(null, failure);
        }
        Duration timeout = target.connectTimeout();
        SocketProtocolFamily family = target.address().getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> epoll ? new EpollSocketChannel(family) : new NioSocketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(dialogue(timeout, heloName, failure));
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
        InetSocketAddress source = target.bindAddress().orElse(null);
        ChannelFuture connect = source == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), source);
        if (!connect.channel().isRegistered()) {
            // No socket could be made (EMFILE, ENOBUFS): Netty failed the connect at once, off this loop,
            // and there is nothing to close.
            failure.complete("cannot open a socket: " + reason(connect.cause()));
            return new SmtpSession(null, failure);
        }
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                failure.complete(done.cause() instanceof ConnectTimeoutException
                        ? "connect timed out after " + describe(timeout) : reason(done.cause()));
            }
        });
        return new SmtpSession(connect.channel(), failure);
    }

    /**
     * @param timeout how long the server may take to answer
     * @param heloName the name to send with HELO
     * @param failure completed with why the server failed, or with null when it passed
     * @return the handlers that hold the dialogue on a connected channel, in pipeline order
     */
    static ChannelHandler[] dialogue(Duration timeout, String heloName, CompletableFuture<String> failure) {
        return new ChannelHandler[] {new ReadTimeoutHandler(timeout.toNanos(), TimeUnit.NANOSECONDS),
            new LineBasedFrameDecoder(MAX_LINE, true, true), new SmtpDialogue(heloName, describe(timeout), failure)};
    }

    /** @return completed with why the server failed, or with null when it passed */
    CompletableFuture<String> failure() {
        return failure;
    }

    /** Closes the connection, for a probe that is cancelled. */
    void abort() {
        if (channel != null) {
            channel.close();
        }
    }

    /** The reason of a socket error without Netty's system call and address, for example {@code connection refused}. */
    static String reason(Throwable cause) {
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
