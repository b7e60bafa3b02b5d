package org.jkeepalived.netlink.internal.rtnetlink;

import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_ACK;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_CREATE;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_DUMP;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_EXCL;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_REQUEST;

import java.nio.ByteBuffer;

import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacAddress;
import org.jkeepalived.netlink.api.MacvlanMode;
import org.jkeepalived.netlink.api.OperState;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.codec.NetlinkMessageBuilder;

/**
 * Links: {@code struct ifinfomsg} (family, padding, {@code ARPHRD_} type, index, {@code IFF_} flags,
 * change mask) and its {@code IFLA_} attributes.
 */
public final class LinkCodec {

    /** {@code sizeof(struct ifinfomsg)}. */
    public static final int IFINFOMSG_SIZE = 16;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_LINK = 5;
    static final int IFLA_MASTER = 10;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_MACVLAN_MODE = 1;

    private LinkCodec() {
    }

    /** @return a request for every link */
    public static ByteBuffer dump() {
        return header(RtnetlinkProtocol.RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 0, 0).build();
    }

    /**
     * @param name an interface name
     * @return a request for that link, answered with it or {@code ENODEV}
     */
    public static ByteBuffer get(String name) {
        return header(RtnetlinkProtocol.RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 0, 0)
                .attributeString(IFLA_IFNAME, name)
                .build();
    }

    /**
     * @param name an interface name
     * @param up whether to set it administratively up or down
     * @return the request ({@code ip link set NAME up|down}): only {@code IFF_UP} in the change mask
     */
    public static ByteBuffer setUp(String name, boolean up) {
        return header(RtnetlinkProtocol.RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, up ? Link.IFF_UP : 0, Link.IFF_UP)
                .attributeString(IFLA_IFNAME, name)
                .build();
    }

    /**
     * @param name the new link's name
     * @param parentIndex the index of the interface it sits on
     * @param mac its MAC address
     * @param mode its macvlan mode
     * @return the request ({@code ip link add NAME link PARENT address MAC up type macvlan mode MODE}),
     *     failing with {@code EEXIST} if a link of that name exists
     */
    public static ByteBuffer newMacvlan(String name, int parentIndex, MacAddress mac, MacvlanMode mode) {
        NetlinkMessageBuilder builder = header(RtnetlinkProtocol.RTM_NEWLINK,
                NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, Link.IFF_UP, Link.IFF_UP)
                .attributeString(IFLA_IFNAME, name)
                .attributeU32(IFLA_LINK, parentIndex)
                .attribute(IFLA_ADDRESS, mac.bytes());
        int linkInfo = builder.beginNested(IFLA_LINKINFO);
        builder.attributeString(IFLA_INFO_KIND, "macvlan");
        int data = builder.beginNested(IFLA_INFO_DATA);
        builder.attributeU32(IFLA_MACVLAN_MODE, mode.value());
        return builder.endNested(data).endNested(linkInfo).build();
    }

    /**
     * @param name an interface name
     * @return the request ({@code ip link del NAME})
     */
    public static ByteBuffer delete(String name) {
        return header(RtnetlinkProtocol.RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, 0, 0)
                .attributeString(IFLA_IFNAME, name)
                .build();
    }

    /**
     * Decodes an {@code RTM_NEWLINK} or {@code RTM_DELLINK} message.
     *
     * @param message the message
     * @return the link, or {@code null} for a message about a bridge port ({@code AF_BRIDGE}), which
     *     describes the port's bridging rather than the link
     * @throws NetlinkDecodeException if the message is malformed or has no name
     */
    public static Link decode(NetlinkMessage message) {
        ByteBuffer header = message.familyHeader(IFINFOMSG_SIZE);
        if (header.get(0) != RtnetlinkProtocol.AF_UNSPEC) {
            return null;
        }
        int type = Short.toUnsignedInt(header.getShort(2));
        int index = header.getInt(4);
        int flags = header.getInt(8);
        Attributes attributes = message.attributes(IFINFOMSG_SIZE);
        String name = attributes.string(IFLA_IFNAME);
        if (name == null) {
            throw new NetlinkDecodeException("link " + index + " without a name");
        }
        byte[] address = attributes.bytes(IFLA_ADDRESS);
        Attributes linkInfo = attributes.nested(IFLA_LINKINFO);
        String kind = linkInfo.string(IFLA_INFO_KIND);
        MacvlanMode macvlanMode = "macvlan".equals(kind)
                ? MacvlanMode.of(linkInfo.nested(IFLA_INFO_DATA).u32(IFLA_MACVLAN_MODE, 0)) : null;
        return new Link(index, name, type, flags, OperState.of(attributes.u8(IFLA_OPERSTATE, 0)),
                address == null || address.length == 0 ? null : MacAddress.of(address),
                attributes.u32(IFLA_MTU, 0), kind, macvlanMode, attributes.u32(IFLA_LINK, 0), attributes.u32(IFLA_MASTER, 0));
    }

    private static NetlinkMessageBuilder header(int type, int flags, int ifiFlags, int ifiChange) {
        return new NetlinkMessageBuilder(type, flags)
                .putU8(RtnetlinkProtocol.AF_UNSPEC).putU8(0).putU16(0)
                .putU32(0)
                .putU32(ifiFlags)
                .putU32(ifiChange);
    }
}
