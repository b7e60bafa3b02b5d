package org.jkeepalived.netlink.codec;

import java.util.Map;

/**
 * A generic netlink family as the controller describes it ({@code CTRL_CMD_NEWFAMILY}).
 *
 * @param id the message type to send the family's requests with ({@code CTRL_ATTR_FAMILY_ID})
 * @param name its name, for example {@code IPVS}
 * @param version the version of its interface
 * @param headerSize the size of its own header after {@code struct genlmsghdr}
 * @param maxAttribute its highest attribute type
 * @param multicastGroups its multicast groups: name to group id
 */
public record GenericNetlinkFamily(int id, String name, int version, int headerSize, int maxAttribute,
        Map<String, Integer> multicastGroups) {

    /** Copies the groups, which must not be null. */
    public GenericNetlinkFamily {
        multicastGroups = Map.copyOf(multicastGroups);
    }
}
