package ${package};

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/**
 * Connects to the target and reads its first line, on the checker loop that calls it: nothing here
 * blocks, and every probe's channel is closed when the probe ends, also when the engine cancels it
 * for taking longer than connect_timeout.
 */
final class ${checkerName}Checker implements Checker {

    /** Longer first lines are not greetings. */
    private static final int MAX_LINE = 512;

    private final CheckTarget target;
    private final EventLoop loop;
    private final String greeting;

    ${checkerName}Checker(CheckTarget target, EventLoop loop, String greeting) {
        this.target = target;
        this.loop = loop;
        this.greeting = greeting;
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
                        channel.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE), new FirstLine(outcome));
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
    private static String connectFailure(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return "cannot connect: connection timed out";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String[] parts = message.split(": ");
        int reason = parts.length > 1 && parts[parts.length - 1].contains("/") ? parts.length - 2 : parts.length - 1;
        return "cannot connect: " + parts[reason];
    }

    /** Judges the first line the server sends. */
    private final class FirstLine extends SimpleChannelInboundHandler<ByteBuf> {

        private final CompletableFuture<CheckOutcome> outcome;

        FirstLine(CompletableFuture<CheckOutcome> outcome) {
            this.outcome = outcome;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, ByteBuf line) {
            String text = line.toString(StandardCharsets.UTF_8).strip();
            outcome.complete(text.startsWith(greeting)
                    ? CheckOutcome.up("greeting " + text)
                    : CheckOutcome.down("greeting \"" + text + "\", expected one starting with \"" + greeting + "\""));
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            outcome.complete(CheckOutcome.down("connection closed before a greeting"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            outcome.complete(CheckOutcome.down("no greeting: " + cause.getMessage()));
        }
    }
}
