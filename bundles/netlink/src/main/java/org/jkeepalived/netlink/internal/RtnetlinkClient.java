package org.jkeepalived.netlink.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jkeepalived.core.api.linux.Errno;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacvlanSpec;
import org.jkeepalived.netlink.api.NetlinkException;
import org.jkeepalived.netlink.api.Route;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.api.Rtnetlink;
import org.jkeepalived.netlink.api.Rule;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.internal.rtnetlink.AddressCodec;
import org.jkeepalived.netlink.internal.rtnetlink.LinkCodec;
import org.jkeepalived.netlink.internal.rtnetlink.RouteCodec;
import org.jkeepalived.netlink.internal.rtnetlink.RuleCodec;
import org.jkeepalived.netlink.socket.NetlinkSocket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@link Rtnetlink} service over one {@code NETLINK_ROUTE} socket, in the network namespace of the
 * thread that constructs it: the process's own when Declarative Services activates it, a test
 * namespace when a test constructs it on a thread that entered one. The component is immediate, so
 * that a socket that cannot be opened shows in the log at start-up rather than at the first failover.
 */
@Component(service = Rtnetlink.class, immediate = true)
public final class RtnetlinkClient implements Rtnetlink, AutoCloseable {

    /** The component's configuration. */
    public @interface Config {
        /** @return how long to wait for the kernel's answer to a request, in milliseconds */
        long request_timeout_ms() default 2000;
    }

    private final NetlinkSocket socket;

    /**
     * Opens the socket when the component is activated.
     *
     * @param config the configuration
     */
    @Activate
    public RtnetlinkClient(Config config) {
        this(Duration.ofMillis(config.request_timeout_ms()));
    }

    /**
     * Opens the socket in the calling thread's network namespace.
     *
     * @param timeout how long to wait for the kernel's answer to a request
     * @throws NetlinkException if the socket cannot be opened
     */
    public RtnetlinkClient(Duration timeout) {
        this.socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, timeout);
    }

    @Override
    public List<Link> links() {
        return dump(LinkCodec.dump(), "list links", LinkCodec::decode);
    }

    @Override
    public Link link(String name) {
        return find(name, "find interface " + name);
    }

    @Override
    public List<Address> addresses() {
        return dump(AddressCodec.dump(), "list addresses", AddressCodec::decode);
    }

    @Override
    public void addAddress(AddressSpec address) {
        String operation = "add " + address.address().getHostAddress() + "/" + address.prefixLength() + " to " + address.device();
        socket.request(AddressCodec.add(address, index(address.device(), operation)), operation);
    }

    @Override
    public void deleteAddress(AddressSpec address) {
        String operation = "delete " + address.address().getHostAddress() + "/" + address.prefixLength() + " from " + address.device();
        socket.request(AddressCodec.delete(address, index(address.device(), operation)), operation);
    }

    @Override
    public List<Route> routes() {
        return dump(RouteCodec.dump(), "list routes", RouteCodec::decode);
    }

    @Override
    public void addRoute(RouteSpec route) {
        String operation = "add route " + route;
        socket.request(RouteCodec.add(route, device -> index(device, operation)), operation);
    }

    @Override
    public void deleteRoute(RouteSpec route) {
        String operation = "delete route " + route;
        socket.request(RouteCodec.delete(route, device -> index(device, operation)), operation);
    }

    @Override
    public List<Rule> rules() {
        return dump(RuleCodec.dump(), "list rules", RuleCodec::decode);
    }

    @Override
    public void addRule(Rule rule) {
        socket.request(RuleCodec.add(rule), "add rule " + rule);
    }

    @Override
    public void deleteRule(Rule rule) {
        socket.request(RuleCodec.delete(rule), "delete rule " + rule);
    }

    @Override
    public void setLinkUp(String name, boolean up) {
        socket.request(LinkCodec.setUp(name, up), "set " + name + (up ? " up" : " down"));
    }

    @Override
    public Link addMacvlan(MacvlanSpec macvlan) {
        String operation = "add link " + macvlan;
        socket.request(LinkCodec.newMacvlan(macvlan.name(), index(macvlan.parent(), operation), macvlan.mac(), macvlan.mode()),
                operation);
        return link(macvlan.name());
    }

    @Override
    public void deleteLink(String name) {
        socket.request(LinkCodec.delete(name), "delete link " + name);
    }

    /** Closes the socket. */
    @Deactivate
    @Override
    public void close() {
        socket.close();
    }

    /**
     * Resolves an interface name through the kernel of this socket's namespace, failing with the
     * operation that needed it, so that the error reads {@code cannot add 192.0.2.10/32 to eth9: ENODEV}.
     */
    private int index(String device, String operation) {
        return find(device, operation).index();
    }

    private Link find(String name, String operation) {
        List<Link> links = decode(socket.request(LinkCodec.get(name), operation), operation, LinkCodec::decode);
        if (links.isEmpty()) {
            throw new NetlinkException(operation, Errno.ENODEV, null);
        }
        return links.get(0);
    }

    private <T> List<T> dump(ByteBuffer request, String operation, Function<NetlinkMessage, T> decoder) {
        return decode(socket.dump(request, operation), operation, decoder);
    }

    /** Decodes replies, leaving out those the decoder does not describe (other families, bridge ports). */
    private static <T> List<T> decode(List<NetlinkMessage> replies, String operation, Function<NetlinkMessage, T> decoder) {
        List<T> decoded = new ArrayList<>(replies.size());
        try {
            for (NetlinkMessage reply : replies) {
                T value = decoder.apply(reply);
                if (value != null) {
                    decoded.add(value);
                }
            }
        } catch (NetlinkDecodeException e) {
            throw new NetlinkException(operation, Errno.EBADMSG, e.getMessage(), e);
        }
        return decoded;
    }
}
