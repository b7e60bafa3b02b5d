package org.jkeepalived.checker.sockets;

import java.io.IOException;
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
import io.netty.channel.IoEventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.channel.unix.Socket;

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
        return bootstrap(loop, server, device, fwmark, family -> isEpoll(loop)
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
        return bootstrap(loop, server, device, fwmark, family -> isEpoll(loop)
                ? new EpollDatagramChannel(family) : new NioDatagramChannel(family));
    }

    /**
     * Binds a socket made without a channel to an interface and marks it, as the bootstraps do.
     *
     * @param socket a socket of Netty's native transport
     * @param device the interface to bind, if any
     * @param fwmark the mark, 0 for none
     * @throws IOException if the kernel refuses either
     */
    public static void configure(Socket socket, Optional<String> device, int fwmark) throws IOException {
        if (fwmark != 0) {
            socket.setIntOpt(SOL_SOCKET, SO_MARK, fwmark);
        }
        if (device.isPresent()) {
            socket.setRawOpt(SOL_SOCKET, SO_BINDTODEVICE, deviceName(device.get()));
        }
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
        return Optional.of(SocketFailures.notOpened(connect.cause()));
    }

    private static Bootstrap bootstrap(EventLoop loop, InetSocketAddress server, Optional<String> device, int fwmark,
            Function<SocketProtocolFamily, Channel> channels) {
        if (!isEpoll(loop) && (device.isPresent() || fwmark != 0)) {
            throw new IllegalStateException(EPOLL_NEEDED);
        }
        SocketProtocolFamily family = family(server);
        Bootstrap bootstrap = new Bootstrap().group(loop).channelFactory(() -> channels.apply(family));
        if (fwmark != 0) {
            bootstrap.option(MARK, fwmark);
        }
        device.ifPresent(name -> {
            ByteBuffer value = deviceName(name);
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, value.remaining()), value);
        });
        return bootstrap;
    }

    /**
     * @param server where a socket connects or sends
     * @return the server's family: a socket of it, as keepalived opens one, rather than a dual-stack one
     */
    public static SocketProtocolFamily family(InetSocketAddress server) {
        return server.getAddress() instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    /** @return whether the loop runs on Netty's epoll transport, whose channels alone it can serve */
    public static boolean isEpoll(EventLoop loop) {
        return loop instanceof IoEventLoop ioLoop && ioLoop.isIoType(EpollIoHandler.class);
    }

    /** @return the interface's name as SO_BINDTODEVICE takes it: NUL-terminated, in direct memory */
    private static ByteBuffer deviceName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length + 1).put(bytes).put((byte) 0).flip();
    }
}
