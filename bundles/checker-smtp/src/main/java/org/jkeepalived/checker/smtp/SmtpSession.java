package org.jkeepalived.checker.smtp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
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
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.sockets.CheckerSockets;
import org.jkeepalived.checker.sockets.SocketFailures;

/** One connection to one SMTP server, from connect to the answer to QUIT, on a checker loop. */
final class SmtpSession {

    /** RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets; some servers write more. */
    static final int MAX_LINE = 1000;


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
        Duration timeout = target.connectTimeout();
        Bootstrap bootstrap;
        try {
            bootstrap = CheckerSockets.tcp(loop, target.address(), target.bindInterface(), target.fwmark());
        } catch (IllegalStateException e) {
            failure.complete(e.getMessage());
            return new SmtpSession(null, failure);
        }
        bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(dialogue(timeout, heloName, failure));
                    }
                });
        InetSocketAddress source = target.bindAddress().orElse(null);
        ChannelFuture connect = source == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), source);
        Optional<String> notOpened = CheckerSockets.notOpened(connect);
        if (notOpened.isPresent()) {
            failure.complete(notOpened.get());
            return new SmtpSession(null, failure);
        }
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                failure.complete(done.cause() instanceof ConnectTimeoutException
                        ? "connect timed out after " + SocketFailures.describe(timeout) : SocketFailures.reason(done.cause()));
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
            new LineBasedFrameDecoder(MAX_LINE, true, true), new SmtpDialogue(heloName, SocketFailures.describe(timeout), failure)};
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
}
