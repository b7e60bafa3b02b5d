package org.jkeepalived.ipvs.internal.userspace;

import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's flow through a UDP service: a socket connected to the destination on a forwarding
 * loop, and the time of its last datagram. It ends, on the control loop, after the UDP timeout
 * without traffic.
 */
final class UdpFlow {

    private static final Logger LOG = LoggerFactory.getLogger(UdpFlow.class);

    private final UdpForwarder forwarder;
    private final UdpForwarder.FlowKey key;
    private final ForwardedConnection connection;
    private final Channel front;
    private final ForwarderContext context;
    private final long timeoutNanos;
    private ChannelFuture backend;
    private volatile long lastActivity = System.nanoTime();
    private boolean closed;

    private UdpFlow(UdpForwarder forwarder, UdpForwarder.FlowKey key, ForwardedConnection connection, Channel front,
            ForwarderContext context) {
        this.forwarder = forwarder;
        this.key = key;
        this.connection = connection;
        this.front = front;
        this.context = context;
        this.timeoutNanos = context.timeouts().udp().toNanos();
    }

    /** Opens a flow; on the control loop. */
    static UdpFlow open(UdpForwarder forwarder, UdpForwarder.FlowKey key, ForwardedConnection connection, Channel front,
            ForwarderContext context) {
        UdpFlow flow = new UdpFlow(forwarder, key, connection, front, context);
        flow.backend = new Bootstrap()
                .group(context.workers().next())
                .channel(EpollDatagramChannel.class)
                .handler(flow.new Backend())
                .connect(connection.destination().socketAddress());
        flow.scheduleExpiry(flow.timeoutNanos);
        return flow;
    }

    /** Sends a client's datagram to the destination; on the control loop. */
    void forward(ByteBuf datagram) {
        lastActivity = System.nanoTime();
        connection.packet(true, datagram.readableBytes());
        backend.addListener(connected -> {
            if (connected.isSuccess()) {
                backend.channel().writeAndFlush(datagram);
            } else {
                datagram.release();
            }
        });
    }

    /** Ends the flow; on the control loop. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        backend.channel().close();
        forwarder.removed(key, this);
        connection.closed();
    }

    private void scheduleExpiry(long delayNanos) {
        context.control().schedule(this::expireIfIdle, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expireIfIdle() {
        if (closed) {
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle >= timeoutNanos) {
            close();
        } else {
            scheduleExpiry(timeoutNanos - idle);
        }
    }

    /** The destination's answers, on the forwarding loop. */
    private final class Backend extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket answer) {
            lastActivity = System.nanoTime();
            ByteBuf content = answer.content();
            connection.packet(false, content.readableBytes());
            InetSocketAddress client = key.client();
            front.writeAndFlush(new DatagramPacket(content.retain(), client));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable from the destination: the client's next datagram may find it up
            if (!(cause instanceof PortUnreachableException)) {
                LOG.debug("flow of {} to {}: {}", key.client(), connection.destination(), cause.toString());
            }
        }
    }
}
