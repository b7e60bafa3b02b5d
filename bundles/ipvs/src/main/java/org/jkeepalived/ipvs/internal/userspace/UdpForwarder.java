package org.jkeepalived.ipvs.internal.userspace;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;

import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.internal.scheduler.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP service: a socket on the virtual address (bound with {@code IP_FREEBIND}) that takes the
 * clients' datagrams on the control loop. Each client gets a flow: a socket connected to its
 * destination, whose answers go back to the client from the virtual address. A flow ends after the
 * UDP timeout without a datagram either way. With one-packet scheduling each datagram is scheduled
 * on its own, and a client has a flow per destination it was sent to.
 */
final class UdpForwarder implements Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(UdpForwarder.class);

    private final ServiceRuntime service;
    private final Map<FlowKey, UdpFlow> flows = new HashMap<>();
    private Channel channel;

    /** A client, and with one-packet scheduling the destination too. */
    record FlowKey(InetSocketAddress client, UserspaceDestination destination) {
    }

    private UdpForwarder(ServiceRuntime service) {
        this.service = service;
    }

    /**
     * Binds a service's socket; on the control loop.
     *
     * @param service the service
     * @param address its address and port
     * @return the forwarder
     * @throws DataPlaneException {@code FAILED} if the address cannot be bound
     */
    static UdpForwarder listen(ServiceRuntime service, InetSocketAddress address) throws DataPlaneException {
        UdpForwarder forwarder = new UdpForwarder(service);
        EpollDatagramChannel channel = new EpollDatagramChannel();
        channel.config().setFreeBind(true);
        channel.config().setReuseAddress(true);
        channel.pipeline().addLast(forwarder.new Frontend());
        ChannelFuture bound = service.control().register(channel).syncUninterruptibly().channel().bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            channel.close();
            throw new DataPlaneException(DataPlaneException.Reason.FAILED,
                    "service " + service.service().key() + " cannot bind " + address + ": " + bound.cause().getMessage(), bound.cause());
        }
        forwarder.channel = channel;
        return forwarder;
    }

    @Override
    public void close() {
        channel.close();
        new ArrayList<>(flows.values()).forEach(UdpFlow::close);
    }

    void removed(FlowKey key, UdpFlow flow) {
        flows.remove(key, flow);
    }

    /** The clients' datagrams, on the control loop. */
    private final class Frontend extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            InetSocketAddress client = packet.sender();
            UdpFlow flow;
            if (service.service().onePacket()) {
                ForwardedConnection connection = service.open(new Flow(client.getAddress(), client.getPort(), packet.recipient().getAddress()));
                if (connection == null) {
                    return;
                }
                FlowKey key = new FlowKey(client, connection.destination());
                flow = flows.get(key);
                if (flow == null) {
                    flow = open(key, connection);
                } else {
                    // the datagram's own connection ends with it; the flow carries the answers
                    connection.closed();
                }
            } else {
                FlowKey key = new FlowKey(client, null);
                flow = flows.get(key);
                if (flow == null) {
                    ForwardedConnection connection = service.open(new Flow(client.getAddress(), client.getPort(), packet.recipient().getAddress()));
                    if (connection == null) {
                        LOG.debug("service {}: no destination available for {}", service.service().key(), client);
                        return;
                    }
                    flow = open(key, connection);
                }
            }
            flow.forward(packet.content().retain());
        }

        private UdpFlow open(FlowKey key, ForwardedConnection connection) {
            UdpFlow flow = UdpFlow.open(UdpForwarder.this, key, connection, channel, service.context());
            flows.put(key, flow);
            return flow;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("service {}: {}", service.service().key(), cause.toString());
        }
    }
}
