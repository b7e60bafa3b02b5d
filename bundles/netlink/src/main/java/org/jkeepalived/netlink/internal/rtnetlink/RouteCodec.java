package org.jkeepalived.netlink.internal.rtnetlink;

import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_ACK;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_APPEND;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_CREATE;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_DUMP;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_EXCL;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_REQUEST;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.api.Route;
import org.jkeepalived.netlink.api.RouteMetric;
import org.jkeepalived.netlink.api.RouteProtocol;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.api.RouteType;
import org.jkeepalived.netlink.api.Scope;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.codec.NetlinkMessageBuilder;

/**
 * Routes: {@code struct rtmsg} (family, destination and source prefix lengths, tos, table, protocol,
 * scope, type, flags) and its {@code RTA_} attributes. A table above 255 goes in {@code RTA_TABLE} with
 * {@code rtm_table} unspecified, as {@code ip route} sends it; a multipath route is a list of
 * {@code struct rtnexthop} in {@code RTA_MULTIPATH}.
 */
public final class RouteCodec {

    /** {@code sizeof(struct rtmsg)}. */
    public static final int RTMSG_SIZE = 12;
    /** {@code sizeof(struct rtnexthop)}: length, flags, hops (weight - 1), interface index. */
    static final int RTNEXTHOP_SIZE = 8;

    static final int RTA_DST = 1;
    static final int RTA_SRC = 2;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_PREFSRC = 7;
    static final int RTA_METRICS = 8;
    static final int RTA_MULTIPATH = 9;
    static final int RTA_TABLE = 15;
    static final int RTAX_LOCK = 1;
    static final int RT_TABLE_UNSPEC = 0;

    private RouteCodec() {
    }

    /** @return a request for every route of every table and family */
    public static ByteBuffer dump() {
        return new NetlinkMessageBuilder(RtnetlinkProtocol.RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP)
                .putU8(RtnetlinkProtocol.AF_UNSPEC).putU8(0).putU8(0).putU8(0)
                .putU8(0).putU8(0).putU8(0).putU8(0)
                .putU32(0)
                .build();
    }

    /**
     * @param spec the route
     * @param interfaceIndex resolves an interface name to its index
     * @return the request ({@code ip route add}, or {@code ip route append}), failing with
     *     {@code EEXIST} if a matching route exists and the spec does not append
     */
    public static ByteBuffer add(RouteSpec spec, ToIntFunction<String> interfaceIndex) {
        int flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | (spec.append() ? NLM_F_APPEND : NLM_F_EXCL);
        Scope scope = spec.scope() != null ? spec.scope() : defaultScope(spec);
        RouteProtocol protocol = spec.protocol() != null ? spec.protocol() : RouteProtocol.BOOT;
        return encode(RtnetlinkProtocol.RTM_NEWROUTE, flags, spec, scope, protocol, interfaceIndex);
    }

    /**
     * @param spec the route
     * @param interfaceIndex resolves an interface name to its index
     * @return the request ({@code ip route del}): what the spec leaves out matches any route, the scope
     *     included, failing with {@code ESRCH} if none matches
     */
    public static ByteBuffer delete(RouteSpec spec, ToIntFunction<String> interfaceIndex) {
        Scope scope = spec.scope() != null ? spec.scope() : Scope.NOWHERE;
        RouteProtocol protocol = spec.protocol() != null ? spec.protocol() : RouteProtocol.UNSPEC;
        return encode(RtnetlinkProtocol.RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, spec, scope, protocol, interfaceIndex);
    }

    /**
     * The scope {@code ip route add} chooses when none is given: host for local routes, link for
     * broadcast, multicast, anycast and for IPv4 unicast routes without a gateway, else global.
     */
    static Scope defaultScope(RouteSpec spec) {
        if (spec.family() == IpFamily.IPV6) {
            return Scope.GLOBAL;
        }
        switch (spec.type()) {
            case LOCAL:
            case NAT:
                return Scope.HOST;
            case BROADCAST:
            case MULTICAST:
            case ANYCAST:
                return Scope.LINK;
            case UNICAST:
            case UNSPEC:
                return spec.gateway() == null && spec.nexthops().isEmpty() ? Scope.LINK : Scope.GLOBAL;
            default:
                return Scope.GLOBAL;
        }
    }

    private static ByteBuffer encode(int type, int flags, RouteSpec spec, Scope scope, RouteProtocol protocol,
            ToIntFunction<String> interfaceIndex) {
        boolean extendedTable = Integer.compareUnsigned(spec.table(), 255) > 0;
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(type, flags)
                .putU8(spec.family().value())
                .putU8(spec.destination().length())
                .putU8(spec.source() == null ? 0 : spec.source().length())
                .putU8(spec.tos())
                .putU8(extendedTable ? RT_TABLE_UNSPEC : spec.table())
                .putU8(protocol.value())
                .putU8(scope.value())
                .putU8(spec.type().value())
                .putU32(spec.onlink() ? Route.RTNH_F_ONLINK : 0);
        if (spec.destination().length() > 0) {
            builder.attributeAddress(RTA_DST, spec.destination().address());
        }
        if (spec.source() != null) {
            builder.attributeAddress(RTA_SRC, spec.source().address());
        }
        if (spec.preferredSource() != null) {
            builder.attributeAddress(RTA_PREFSRC, spec.preferredSource());
        }
        if (spec.gateway() != null) {
            builder.attributeAddress(RTA_GATEWAY, spec.gateway());
        }
        if (spec.device() != null) {
            builder.attributeU32(RTA_OIF, interfaceIndex.applyAsInt(spec.device()));
        }
        if (spec.metric() != null) {
            builder.attributeU32(RTA_PRIORITY, spec.metric());
        }
        if (extendedTable) {
            builder.attributeU32(RTA_TABLE, spec.table());
        }
        if (!spec.metrics().isEmpty()) {
            encodeMetrics(builder, spec.metrics());
        }
        if (!spec.nexthops().isEmpty()) {
            encodeNexthops(builder, spec.nexthops(), interfaceIndex);
        }
        return builder.build();
    }

    private static void encodeMetrics(NetlinkMessageBuilder builder, List<RouteMetric> metrics) {
        int nest = builder.beginNested(RTA_METRICS);
        int locked = 0;
        for (RouteMetric metric : metrics) {
            builder.attributeU32(metric.kind().value(), metric.value());
            if (metric.locked()) {
                locked |= 1 << metric.kind().value();
            }
        }
        if (locked != 0) {
            builder.attributeU32(RTAX_LOCK, locked);
        }
        builder.endNested(nest);
    }

    private static void encodeNexthops(NetlinkMessageBuilder builder, List<RouteSpec.Nexthop> nexthops,
            ToIntFunction<String> interfaceIndex) {
        int nest = builder.beginNested(RTA_MULTIPATH);
        for (RouteSpec.Nexthop nexthop : nexthops) {
            int start = builder.position();
            builder.putU16(0)
                    .putU8(nexthop.onlink() ? Route.RTNH_F_ONLINK : 0)
                    .putU8(nexthop.weight() - 1)
                    .putU32(nexthop.device() == null ? 0 : interfaceIndex.applyAsInt(nexthop.device()));
            if (nexthop.gateway() != null) {
                builder.attributeAddress(RTA_GATEWAY, nexthop.gateway());
            }
            builder.setU16(start, builder.position() - start);
        }
        builder.endNested(nest);
    }

    /**
     * Decodes an {@code RTM_NEWROUTE} or {@code RTM_DELROUTE} message.
     *
     * @param message the message
     * @return the route, or {@code null} if it is of a family other than IPv4 and IPv6
     * @throws NetlinkDecodeException if the message is malformed
     */
    public static Route decode(NetlinkMessage message) {
        ByteBuffer header = message.familyHeader(RTMSG_SIZE);
        IpFamily family = IpFamily.ofValue(Byte.toUnsignedInt(header.get(0)));
        if (family == null) {
            return null;
        }
        Attributes attributes = message.attributes(RTMSG_SIZE);
        int addressLength = family.addressLength();
        IpPrefix destination = Decoding.prefix(attributes, RTA_DST, Byte.toUnsignedInt(header.get(1)), family, false);
        IpPrefix source = Decoding.prefix(attributes, RTA_SRC, Byte.toUnsignedInt(header.get(2)), family, true);
        RouteType type = RouteType.of(Byte.toUnsignedInt(header.get(7)));
        return new Route(family,
                attributes.u32(RTA_TABLE, Byte.toUnsignedInt(header.get(4))),
                destination, source,
                attributes.address(RTA_PREFSRC, addressLength),
                attributes.address(RTA_GATEWAY, addressLength),
                attributes.u32(RTA_OIF, 0),
                attributes.u32(RTA_PRIORITY, 0),
                new Scope(Byte.toUnsignedInt(header.get(6))),
                new RouteProtocol(Byte.toUnsignedInt(header.get(5))),
                type == null ? RouteType.UNSPEC : type,
                Byte.toUnsignedInt(header.get(3)),
                header.getInt(8),
                decodeMetrics(attributes.nested(RTA_METRICS)),
                decodeNexthops(attributes.value(RTA_MULTIPATH), addressLength));
    }

    private static List<RouteMetric> decodeMetrics(Attributes metrics) {
        int locked = metrics.u32(RTAX_LOCK, 0);
        List<RouteMetric> decoded = new ArrayList<>();
        for (Attributes.Attribute attribute : metrics.list()) {
            RouteMetric.Kind kind = RouteMetric.Kind.of(attribute.type());
            if (kind != null) {
                ByteBuffer value = attribute.value();
                if (value.remaining() < 4) {
                    throw new NetlinkDecodeException("route metric " + attribute.type() + " holds " + value.remaining() + " bytes");
                }
                decoded.add(new RouteMetric(kind, value.getInt(), (locked & (1 << kind.value())) != 0));
            }
        }
        return decoded;
    }

    private static List<Route.Nexthop> decodeNexthops(ByteBuffer multipath, int addressLength) {
        List<Route.Nexthop> nexthops = new ArrayList<>();
        if (multipath == null) {
            return nexthops;
        }
        ByteBuffer in = multipath.order(ByteOrder.nativeOrder());
        while (in.hasRemaining()) {
            int start = in.position();
            if (in.remaining() < RTNEXTHOP_SIZE) {
                throw new NetlinkDecodeException("nexthop at byte " + start + " is truncated");
            }
            int length = Short.toUnsignedInt(in.getShort());
            int flags = Byte.toUnsignedInt(in.get());
            int hops = Byte.toUnsignedInt(in.get());
            int index = in.getInt();
            if (length < RTNEXTHOP_SIZE || length > in.limit() - start) {
                throw new NetlinkDecodeException("nexthop at byte " + start + " declares length " + length);
            }
            Attributes attributes = Attributes.decode(in.duplicate().limit(start + length));
            nexthops.add(new Route.Nexthop(attributes.address(RTA_GATEWAY, addressLength), index, hops + 1, flags));
            in.position(Math.min(in.limit(), start + ((length + 3) & ~3)));
        }
        return nexthops;
    }
}
