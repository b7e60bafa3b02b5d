package org.jkeepalived.ipvs.internal.userspace;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Relays one direction of a TCP connection: what one side sends is written to the other, flushed
 * once per burst of reads, and reading stops while the other side cannot take more, so that a slow
 * reader slows the sender instead of filling memory.
 * A side that closes its half is passed on as a half close; the connection then lives for at most
 * the tcpfin timeout, as in IPVS's FIN_WAIT.
 */
final class TcpRelay extends ChannelInboundHandlerAdapter {

    /** The two channels of one connection, on one forwarding loop. */
    static final class Pair {
        private final ForwardedConnection connection;
        private final long finTimeoutNanos;
        private Channel client;
        private Channel server;
        private int halfClosed;

        Pair(ForwardedConnection connection, long finTimeoutNanos) {
            this.connection = connection;
            this.finTimeoutNanos = finTimeoutNanos;
        }

        void channels(Channel client, Channel server) {
            this.client = client;
            this.server = server;
        }

        Channel peer(boolean inbound) {
            return inbound ? server : client;
        }

        void closeBoth() {
            connection.closed();
            client.close();
            server.close();
        }
    }

    private final Pair pair;
    /** True on the client's side: what it reads goes in, to the real server. */
    private final boolean inbound;

    TcpRelay(Pair pair, boolean inbound) {
        this.pair = pair;
        this.inbound = inbound;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf data = (ByteBuf) msg;
        pair.connection.packet(inbound, data.readableBytes());
        Channel peer = pair.peer(inbound);
        // a failed write raises exceptionCaught on the peer, which closes both
        peer.write(data, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Channel peer = pair.peer(inbound);
        peer.flush();
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            pair.peer(inbound).config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ChannelInputShutdownEvent.INSTANCE) {
            // counted before the other side can see the close and come back with a new connection
            if (++pair.halfClosed == 2) {
                pair.closeBoth();
                return;
            }
            pair.connection.closing();
            DuplexChannel peer = (DuplexChannel) pair.peer(inbound);
            // after what is still being written
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) flushed -> peer.shutdownOutput());
            ctx.executor().schedule(pair::closeBoth, pair.finTimeoutNanos, TimeUnit.NANOSECONDS);
        } else if (event instanceof IdleStateEvent) {
            pair.closeBoth();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pair.connection.closed();
        Channel peer = pair.peer(inbound);
        if (peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset or a failed write: the connection is over
        pair.closeBoth();
    }
}
