package org.example.jkeepalived.redis;

import java.util.concurrent.CompletableFuture;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/**
 * Runs one REDIS_CHECK probe per call on the checker loop that calls it: connects, sends the
 * definition's commands at once and judges the replies in order. Nothing here blocks, and the
 * probe's channel is closed when the probe ends, also when the engine cancels it for taking longer
 * than connect_timeout.
 */
final class RedisChecker implements Checker {

    private final CheckTarget target;
    private final EventLoop loop;
    private final RedisCheckDefinition definition;

    RedisChecker(CheckTarget target, EventLoop loop, RedisCheckDefinition definition) {
        this.target = target;
        this.loop = loop;
        this.definition = definition;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> Epoll.isAvailable() ? new EpollSocketChannel() : new NioSocketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, target.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new RespDecoder(),
                                new RedisDialogue(definition.commands(), definition.role(), outcome));
                    }
                });
        ChannelFuture connect = target.bindAddress()
                .map(local -> bootstrap.connect(target.address(), local))
                .orElseGet(() -> bootstrap.connect(target.address()));
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                outcome.complete(CheckOutcome.down(connectFailure(done.cause())));
            }
        });
        // Completed, failed or cancelled by the engine: the connection goes with the probe.
        outcome.whenComplete((result, failure) -> connect.channel().close());
        return outcome;
    }

    /**
     * Netty says why a connection failed as {@code finishConnect(..) failed with error(-111): Connection
     * refused: host/192.0.2.10:25}: the log wants the reason alone, the part before the address.
     */
    static String connectFailure(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return "cannot connect: connection timed out";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String[] parts = message.split(": ");
        int reason = parts.length > 1 && parts[parts.length - 1].contains("/") ? parts.length - 2 : parts.length - 1;
        return "cannot connect: " + parts[reason];
    }
}
