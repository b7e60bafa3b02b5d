package org.jkeepalived.ipvs.internal.userspace;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;

import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.internal.scheduler.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP service: a listening socket on the virtual address (bound with {@code IP_FREEBIND}, so that
 * it listens before VRRP has put the address on this host). Each accepted connection is scheduled on
 * the control loop, then handed to a forwarding loop that connects to the destination and relays
 * both ways. A connection that no destination takes is reset.
 */
final class TcpForwarder implements Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(TcpForwarder.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Channel listener;

    private TcpForwarder(Channel listener) {
        this.listener = listener;
    }

    /**
     * Listens for a service; on the control loop.
     *
     * @param service the service
     * @param address its address and port
     * @return the forwarder
     * @throws DataPlaneException {@code FAILED} if the address cannot be bound
     */
    static TcpForwarder listen(ServiceRuntime service, InetSocketAddress address) throws DataPlaneException {
        EpollServerSocketChannel listener = new EpollServerSocketChannel();
        listener.config().setFreeBind(true);
        listener.config().setReuseAddress(true);
        listener.config().setBacklog(1024);
        listener.pipeline().addLast(new Acceptor(service));
        ChannelFuture bound = service.control().register(listener).syncUninterruptibly().channel().bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            listener.close();
            throw new DataPlaneException(DataPlaneException.Reason.FAILED,
                    "service " + service.service().key() + " cannot listen on " + address + ": " + bound.cause().getMessage(), bound.cause());
        }
        return new TcpForwarder(listener);
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Schedules accepted connections; on the control loop. */
    private static final class Acceptor extends ChannelInboundHandlerAdapter {

        private final ServiceRuntime service;

        Acceptor(ServiceRuntime service) {
            this.service = service;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel client = (Channel) msg;
            InetSocketAddress source = (InetSocketAddress) client.remoteAddress();
            InetSocketAddress local = (InetSocketAddress) client.localAddress();
            ForwardedConnection connection = service.open(new Flow(source.getAddress(), source.getPort(), local.getAddress()));
            if (connection == null) {
                LOG.debug("service {}: no destination available for {}", service.service().key(), source);
                client.config().setOption(ChannelOption.SO_LINGER, 0);
                client.unsafe().closeForcibly();
                return;
            }
            Timeouts timeouts = service.context().timeouts();
            client.config().setAutoRead(false);
            client.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            EventLoop loop = service.context().workers().next();
            loop.register(client).addListener(registered -> {
                if (registered.isSuccess()) {
                    connect(client, connection, timeouts);
                } else {
                    client.unsafe().closeForcibly();
                    connection.closed();
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // accept(2) failures such as EMFILE: the listener stays, and says why
            LOG.warn("service {}: accepting a connection failed: {}", service.service().key(), cause.toString());
        }

        /** On the client's forwarding loop: connects to the destination on the same loop. */
        private static void connect(Channel client, ForwardedConnection connection, Timeouts timeouts) {
            TcpRelay.Pair pair = new TcpRelay.Pair(connection, timeouts.tcpFin().toNanos());
            Bootstrap bootstrap = new Bootstrap()
                    .group(client.eventLoop())
                    .channel(EpollSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                    .option(EpollChannelOption.TCP_NODELAY, true)
                    .handler(new TcpRelay(pair, false));
            ChannelFuture connected = bootstrap.connect(connection.destination().socketAddress());
            Channel server = connected.channel();
            pair.channels(client, server);
            client.pipeline().addLast(
                    new IdleStateHandler(0, 0, timeouts.tcp().toNanos(), TimeUnit.NANOSECONDS),
                    new TcpRelay(pair, true));
            connected.addListener(done -> {
                if (done.isSuccess()) {
                    connection.established();
                    client.config().setAutoRead(true);
                    server.config().setAutoRead(true);
                } else {
                    LOG.debug("connection to {} failed: {}", connection.destination(), done.cause().toString());
                    connection.closed();
                    client.config().setOption(ChannelOption.SO_LINGER, 0);
                    client.close();
                }
            });
        }
    }
}
