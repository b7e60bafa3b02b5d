package org.jkeepalived.checker.sockets;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;

/**
 * Bootstraps of the checkers' connections: a socket of the target's family, bound to an interface
 * ({@code bind_if}, SO_BINDTODEVICE) and marked ({@code fwmark}, SO_MARK) before it connects, on
 * Netty's epoll transport, or NIO where epoll is unavailable and neither is asked for.
 */
public final class CheckerSockets {

    /** Why a bind_if or fwmark cannot be honoured. */
    public static final String EPOLL_NEEDED = "fwmark and bind_if need Netty's epoll transport, which is unavailable";

    /** socket(7): the SOL_SOCKET level and its SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final ChannelOption<Integer> MARK = new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);

    private CheckerSockets() {
    }

    /**
     * @param loop the loop the connection runs on
     * @param server where it connects
     * @param device the interface to bind, if any
     * @param fwmark the mark, 0 for none
     * @return a TCP bootstrap, without handler
     * @throws IllegalStateException ({@link #EPOLL_NEEDED}) if a device or mark is asked for where only NIO is available
     */
    public static Bootstrap tcp(EventLoop loop, InetSocketAddress server, Optional<String> device, int fwmark) {
        return bootstrap(loop, server, device, fwmark, family -> Epoll.isAvailable()
                ? new EpollSocketChannel(family) : new NioSocketChannel());
    }

    /**
     * @param loop the loop the socket runs on
     * @param server where its datagrams go
     * @param device the interface to bind, if any
     * @param fwmark the mark, 0 for none
     * @return a UDP bootstrap, without handler
     * @throws IllegalStateException ({@link #EPOLL_NEEDED}) if a device or mark is asked for where only NIO is available
     */
    public static Bootstrap udp(EventLoop loop, InetSocketAddress server, Optional<String> device, int fwmark) {
        return bootstrap(loop, server, device, fwmark, family -> Epoll.isAvailable()
                ? new EpollDatagramChannel(family) : new NioDatagramChannel(family));
    }

    /**
     * A connect that failed before it began because no socket could be made (EMFILE, ENOBUFS): Netty
     * fails it at once, off the checker's loop, on a channel that was never registered and must not be
     * closed.
     *
     * @param connect what {@link Bootstrap#connect} returned
     * @return why no socket was made, as {@code cannot open a socket: too many open files}; empty if one was
     */
    public static Optional<String> notOpened(ChannelFuture connect) {
        if (connect.channel().isRegistered() || connect.cause() == null) {
            return Optional.empty();
        }
        return Optional.of("cannot open a socket: " + SocketFailures.reason(connect.cause()));
    }

    private static Bootstrap bootstrap(EventLoop loop, InetSocketAddress server, Optional<String> device, int fwmark,
            Function<SocketProtocolFamily, Channel> channels) {
        if (!Epoll.isAvailable() && (device.isPresent() || fwmark != 0)) {
            throw new IllegalStateException(EPOLL_NEEDED);
        }
        // a socket of the target's family, as keepalived opens it, rather than a dual-stack one
        SocketProtocolFamily family = server.getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap().group(loop).channelFactory(() -> channels.apply(family));
        if (fwmark != 0) {
            bootstrap.option(MARK, fwmark);
        }
        device.ifPresent(name -> {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            ByteBuffer value = ByteBuffer.allocateDirect(bytes.length + 1).put(bytes).put((byte) 0).flip();
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, bytes.length + 1), value);
        });
        return bootstrap;
    }
}
