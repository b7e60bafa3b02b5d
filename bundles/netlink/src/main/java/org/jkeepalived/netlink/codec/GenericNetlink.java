package org.jkeepalived.netlink.codec;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Generic netlink: messages that carry {@code struct genlmsghdr} (a command and a version) after the
 * netlink header, for families whose message type the controller assigns at run time. A family is
 * found by name with {@link #getFamily(String)}.
 */
public final class GenericNetlink {

    /** {@code GENL_HDRLEN}: the size of {@code struct genlmsghdr}. */
    public static final int HEADER_SIZE = 4;
    /** {@code GENL_ID_CTRL}: the controller's fixed message type. */
    public static final int GENL_ID_CTRL = NetlinkHeader.NLMSG_MIN_TYPE;
    /** Controller commands. */
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_GETFAMILY = 3;
    /** Controller attributes. */
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_HDRSIZE = 4;
    public static final int CTRL_ATTR_MAXATTR = 5;
    public static final int CTRL_ATTR_MCAST_GROUPS = 7;
    public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

    private static final int CONTROLLER_VERSION = 1;

    private GenericNetlink() {
    }

    /**
     * Starts a request to a generic netlink family: the netlink header and {@code struct genlmsghdr}.
     *
     * @param familyId the family's id, the netlink message type
     * @param flags {@code nlmsg_flags}
     * @param command {@code cmd}
     * @param version {@code version}
     * @return a builder to add the family's header, if it has one, and attributes to
     */
    public static NetlinkMessageBuilder request(int familyId, int flags, int command, int version) {
        return new NetlinkMessageBuilder(familyId, flags).putU8(command).putU8(version).putU16(0);
    }

    /**
     * @param name a family name, for example {@code IPVS}
     * @return a request for the family's description, acknowledged
     */
    public static ByteBuffer getFamily(String name) {
        return request(GENL_ID_CTRL, NetlinkHeader.NLM_F_REQUEST | NetlinkHeader.NLM_F_ACK, CTRL_CMD_GETFAMILY, CONTROLLER_VERSION)
                .attributeString(CTRL_ATTR_FAMILY_NAME, name)
                .build();
    }

    /**
     * @param message a generic netlink message
     * @return its {@code cmd}
     * @throws NetlinkDecodeException if the message is shorter than {@code struct genlmsghdr}
     */
    public static int command(NetlinkMessage message) {
        return Byte.toUnsignedInt(message.familyHeader(HEADER_SIZE).get(0));
    }

    /**
     * @param message a generic netlink message of a family without a header of its own
     * @return the attributes after {@code struct genlmsghdr}
     * @throws NetlinkDecodeException if they are malformed
     */
    public static Attributes attributes(NetlinkMessage message) {
        return message.attributes(HEADER_SIZE);
    }

    /**
     * @param message the controller's reply to {@link #getFamily(String)}
     * @return the family it describes
     * @throws NetlinkDecodeException if it is not a family description or is malformed
     */
    public static GenericNetlinkFamily decodeFamily(NetlinkMessage message) {
        if (message.type() != GENL_ID_CTRL || command(message) != CTRL_CMD_NEWFAMILY) {
            throw new NetlinkDecodeException("not a generic netlink family description: type " + message.type());
        }
        Attributes attributes = attributes(message);
        int id = attributes.u16(CTRL_ATTR_FAMILY_ID, -1);
        String name = attributes.string(CTRL_ATTR_FAMILY_NAME);
        if (id < 0 || name == null) {
            throw new NetlinkDecodeException("generic netlink family description without an id or a name");
        }
        Map<String, Integer> groups = new HashMap<>();
        for (Attributes.Attribute entry : attributes.nested(CTRL_ATTR_MCAST_GROUPS).list()) {
            Attributes group = entry.nested();
            String groupName = group.string(CTRL_ATTR_MCAST_GRP_NAME);
            if (groupName == null || !group.has(CTRL_ATTR_MCAST_GRP_ID)) {
                throw new NetlinkDecodeException("multicast group of " + name + " without a name or an id");
            }
            groups.put(groupName, group.u32(CTRL_ATTR_MCAST_GRP_ID, 0));
        }
        return new GenericNetlinkFamily(id, name, attributes.u32(CTRL_ATTR_VERSION, 0),
                attributes.u32(CTRL_ATTR_HDRSIZE, 0), attributes.u32(CTRL_ATTR_MAXATTR, 0), groups);
    }
}
