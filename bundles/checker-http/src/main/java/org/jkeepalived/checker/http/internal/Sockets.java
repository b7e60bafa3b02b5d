package org.jkeepalived.checker.http.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;

/**
 * TCP connections as keepalived's checkers open them: a socket of the server's family, bound to
 * {@code bindto}/{@code bind_port} and {@code bind_if}, marked with {@code fwmark}.
 */
final class Sockets {

    /** socket(7): the SOL_SOCKET level and its SO_BINDTODEVICE and SO_MARK options. */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final ChannelOption<Integer> MARK = new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);

    private Sockets() {
    }

    /**
     * @param loop the loop the connection runs on
     * @param server where it connects
     * @param device the interface to bind, if any
     * @param fwmark the mark, 0 for none
     * @return a bootstrap without handler
     * @throws IllegalStateException if the device or mark is asked for where only NIO is available
     */
    static Bootstrap bootstrap(EventLoop loop, InetSocketAddress server, Optional<String> device, int fwmark) {
        boolean epoll = Epoll.isAvailable();
        if (!epoll && (device.isPresent() || fwmark != 0)) {
            throw new IllegalStateException("fwmark and bind_if need Netty's epoll transport, which is unavailable");
        }
        SocketProtocolFamily family = server.getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(() -> epoll ? new EpollSocketChannel(family) : new NioSocketChannel());
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
