package org.jkeepalived.checker.tcp;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.sockets.CheckerSockets;

/**
 * TCP_CHECK through a Netty channel, on checker loops without the epoll transport (NIO), where
 * {@link EpollTcpChecker} cannot run. Connects to the target, and closes the connection as soon as
 * it is established, on the checker loop that calls it; a connection still pending when the engine's time budget ends is closed by
 * the cancellation. The source address and port, the interface and the firewall mark are set on
 * the socket before it connects.
 */
final class TcpChecker implements Checker {

    private static final ChannelHandler NOTHING = new Nothing();

    private final CheckTarget target;
    private final Bootstrap bootstrap;
    private final String unsupported;
    private Channel connecting;

    TcpChecker(CheckTarget target, EventLoop loop) {
        this.target = target;
        Bootstrap made;
        String refused = null;
        try {
            made = CheckerSockets.tcp(loop, target.address(), target.bindInterface(), target.fwmark())
                    .handler(NOTHING)
                    // The engine bounds the probe by connect_timeout: a timer of Netty's would be a second one per probe.
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0);
        } catch (IllegalStateException e) {
            made = null;
            refused = e.getMessage();
        }
        this.bootstrap = made;
        this.unsupported = refused;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        if (unsupported != null) {
            return CompletableFuture.completedFuture(CheckOutcome.down(unsupported));
        }
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        InetSocketAddress local = target.bindAddress().orElse(null);
        ChannelFuture connect = local == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), local);
        Optional<String> notOpened = CheckerSockets.notOpened(connect);
        if (notOpened.isPresent()) {
            return CompletableFuture.completedFuture(CheckOutcome.down(notOpened.get()));
        }
        Channel channel = connect.channel();
        connecting = channel;
        connect.addListener(done -> outcome.complete(done.isSuccess()
                ? CheckOutcome.up("TCP connection")
                : CheckOutcome.down(ConnectFailures.describe(done.cause(), local))));
        // Closes the socket once the outcome is known, or once the engine cancels a probe that
        // outlives its time budget.
        outcome.whenComplete((result, failure) -> {
            channel.close();
            if (connecting == channel) {
                connecting = null;
            }
        });
        return outcome;
    }

    @Override
    public void close() {
        if (connecting != null) {
            connecting.close();
            connecting = null;
        }
    }

    /** A TCP_CHECK reads nothing: the connection closes as soon as it is up. */
    @ChannelHandler.Sharable
    private static final class Nothing extends ChannelHandlerAdapter {
    }
}
