package org.jkeepalived.checker.tcp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;

/**
 * Connects to the target, and closes the connection as soon as it is established, on the checker
 * loop that calls it. The source address and port, the interface and the firewall mark are set on
 * the socket before it connects.
 */
final class TcpChecker implements Checker {

    /** socket(7): SOL_SOCKET level, SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final ChannelOption<Integer> MARK = new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);

    private static final ChannelHandler NOTHING = new Nothing();

    private final CheckTarget target;
    private final Bootstrap bootstrap;
    private final String unsupported;
    private Channel connecting;

    TcpChecker(CheckTarget target, EventLoop loop) {
        this.target = target;
        boolean epoll = Epoll.isAvailable();
        // A socket of the target's family, as keepalived opens it, rather than a dual-stack one.
        SocketProtocolFamily family = target.address().getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> epoll ? new EpollSocketChannel(family) : new NioSocketChannel())
                .handler(NOTHING)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, target.connectTimeout().toMillis()));
        if (epoll && target.fwmark() != 0) {
            bootstrap.option(MARK, target.fwmark());
        }
        if (epoll && target.bindInterface().isPresent()) {
            byte[] name = target.bindInterface().get().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer value = ByteBuffer.allocateDirect(name.length + 1).put(name).put((byte) 0).flip();
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, name.length + 1), value);
        }
        this.unsupported = !epoll && (target.fwmark() != 0 || target.bindInterface().isPresent())
                ? "fwmark and bind_if need Netty's epoll transport, which is unavailable" : null;
    }

    @Override
    public CompletableFuture<CheckOutcome> check() {
        if (unsupported != null) {
            return CompletableFuture.completedFuture(CheckOutcome.down(unsupported));
        }
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        InetSocketAddress local = target.bindAddress().orElse(null);
        ChannelFuture connect = local == null ? bootstrap.connect(target.address()) : bootstrap.connect(target.address(), local);
        Channel channel = connect.channel();
        if (!channel.isRegistered()) {
            // No socket could be made (EMFILE, ENOBUFS): Netty failed the connect at once, off this loop,
            // and there is nothing to close.
            return CompletableFuture.completedFuture(CheckOutcome.down("cannot open a socket: "
                    + ConnectFailures.describe(connect.cause(), null)));
        }
        connecting = channel;
        connect.addListener(done -> {
            if (done.isSuccess()) {
                outcome.complete(CheckOutcome.up("TCP connection"));
            } else {
                outcome.complete(CheckOutcome.down(ConnectFailures.describe(done.cause(), local)));
            }
            channel.close();
        });
        // The engine cancels a probe that outlives its time budget: the socket goes with it.
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
