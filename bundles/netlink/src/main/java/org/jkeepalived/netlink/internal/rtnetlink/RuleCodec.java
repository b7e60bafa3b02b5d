package org.jkeepalived.netlink.internal.rtnetlink;

import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_ACK;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_CREATE;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_DUMP;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_EXCL;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_REQUEST;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.RouteProtocol;
import org.jkeepalived.netlink.api.Rule;
import org.jkeepalived.netlink.api.RuleAction;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.codec.NetlinkMessageBuilder;

/**
 * Policy routing rules: {@code struct fib_rule_hdr} (family, destination and source prefix lengths, tos,
 * table, two reserved bytes, action, flags) and its {@code FRA_} attributes. A table above 255 goes in
 * {@code FRA_TABLE}, as {@code ip rule} sends it.
 */
public final class RuleCodec {

    /** {@code sizeof(struct fib_rule_hdr)}. */
    public static final int FIB_RULE_HDR_SIZE = 12;

    static final int FRA_DST = 1;
    static final int FRA_SRC = 2;
    static final int FRA_IIFNAME = 3;
    static final int FRA_GOTO = 4;
    static final int FRA_PRIORITY = 6;
    static final int FRA_FWMARK = 10;
    static final int FRA_FLOW = 11;
    static final int FRA_SUPPRESS_IFGROUP = 13;
    static final int FRA_SUPPRESS_PREFIXLEN = 14;
    static final int FRA_TABLE = 15;
    static final int FRA_FWMASK = 16;
    static final int FRA_OIFNAME = 17;
    static final int FRA_L3MDEV = 19;
    static final int FRA_UID_RANGE = 20;
    static final int FRA_PROTOCOL = 21;
    static final int FRA_IP_PROTO = 22;
    static final int FRA_SPORT_RANGE = 23;
    static final int FRA_DPORT_RANGE = 24;
    static final int FIB_RULE_INVERT = 0x2;

    private RuleCodec() {
    }

    /** @return a request for every rule of every family */
    public static ByteBuffer dump() {
        return new NetlinkMessageBuilder(RtnetlinkProtocol.RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP)
                .putU8(RtnetlinkProtocol.AF_UNSPEC).putU8(0).putU8(0).putU8(0)
                .putU8(0).putU8(0).putU8(0).putU8(0)
                .putU32(0)
                .build();
    }

    /**
     * @param rule the rule
     * @return the request ({@code ip rule add}), failing with {@code EEXIST} if an identical rule exists
     */
    public static ByteBuffer add(Rule rule) {
        return encode(RtnetlinkProtocol.RTM_NEWRULE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, rule);
    }

    /**
     * @param rule the rule
     * @return the request ({@code ip rule del}), failing with {@code ENOENT} if no rule matches
     */
    public static ByteBuffer delete(Rule rule) {
        return encode(RtnetlinkProtocol.RTM_DELRULE, NLM_F_REQUEST | NLM_F_ACK, rule);
    }

    private static ByteBuffer encode(int type, int flags, Rule rule) {
        boolean extendedTable = Integer.compareUnsigned(rule.table(), 255) > 0;
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(type, flags)
                .putU8(rule.family().value())
                .putU8(rule.to() == null ? 0 : rule.to().length())
                .putU8(rule.from() == null ? 0 : rule.from().length())
                .putU8(rule.tos())
                .putU8(extendedTable ? 0 : rule.table())
                .putU8(0)
                .putU8(0)
                .putU8(rule.action().value())
                .putU32(rule.invert() ? FIB_RULE_INVERT : 0);
        if (rule.to() != null) {
            builder.attributeAddress(FRA_DST, rule.to().address());
        }
        if (rule.from() != null) {
            builder.attributeAddress(FRA_SRC, rule.from().address());
        }
        if (rule.priority() != null) {
            builder.attributeU32(FRA_PRIORITY, rule.priority());
        }
        if (rule.fwmark() != null) {
            builder.attributeU32(FRA_FWMARK, rule.fwmark());
        }
        if (rule.fwmask() != null) {
            builder.attributeU32(FRA_FWMASK, rule.fwmask());
        }
        if (rule.iif() != null) {
            builder.attributeString(FRA_IIFNAME, rule.iif());
        }
        if (rule.oif() != null) {
            builder.attributeString(FRA_OIFNAME, rule.oif());
        }
        if (extendedTable) {
            builder.attributeU32(FRA_TABLE, rule.table());
        }
        if (rule.gotoTarget() != null) {
            builder.attributeU32(FRA_GOTO, rule.gotoTarget());
        }
        if (rule.suppressPrefixLength() != null) {
            builder.attributeU32(FRA_SUPPRESS_PREFIXLEN, rule.suppressPrefixLength());
        }
        if (rule.suppressIfGroup() != null) {
            builder.attributeU32(FRA_SUPPRESS_IFGROUP, rule.suppressIfGroup());
        }
        if (rule.realms() != null) {
            builder.attributeU32(FRA_FLOW, rule.realms());
        }
        if (rule.uidRange() != null) {
            builder.attribute(FRA_UID_RANGE, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                    .putInt(rule.uidRange().start()).putInt(rule.uidRange().end()).array());
        }
        if (rule.ipProtocol() != null) {
            builder.attributeU8(FRA_IP_PROTO, rule.ipProtocol());
        }
        if (rule.sourcePorts() != null) {
            builder.attribute(FRA_SPORT_RANGE, portRange(rule.sourcePorts()));
        }
        if (rule.destinationPorts() != null) {
            builder.attribute(FRA_DPORT_RANGE, portRange(rule.destinationPorts()));
        }
        if (rule.l3mdev()) {
            builder.attributeU8(FRA_L3MDEV, 1);
        }
        if (rule.protocol() != null) {
            builder.attributeU8(FRA_PROTOCOL, rule.protocol().value());
        }
        return builder.build();
    }

    private static byte[] portRange(Rule.PortRange range) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
                .putShort((short) range.start()).putShort((short) range.end()).array();
    }

    /**
     * Decodes an {@code RTM_NEWRULE} or {@code RTM_DELRULE} message.
     *
     * @param message the message
     * @return the rule, or {@code null} if it is of a family other than IPv4 and IPv6 or has an action
     *     this version does not know; the kernel leaves out a priority of 0
     * @throws NetlinkDecodeException if the message is malformed
     */
    public static Rule decode(NetlinkMessage message) {
        ByteBuffer header = message.familyHeader(FIB_RULE_HDR_SIZE);
        IpFamily family = IpFamily.ofValue(Byte.toUnsignedInt(header.get(0)));
        RuleAction action = RuleAction.of(Byte.toUnsignedInt(header.get(7)));
        if (family == null || action == null) {
            return null;
        }
        Attributes attributes = message.attributes(FIB_RULE_HDR_SIZE);
        ByteBuffer uids = fixed(attributes, FRA_UID_RANGE, 8);
        ByteBuffer sourcePorts = fixed(attributes, FRA_SPORT_RANGE, 4);
        ByteBuffer destinationPorts = fixed(attributes, FRA_DPORT_RANGE, 4);
        int protocol = attributes.u8(FRA_PROTOCOL, 0);
        try {
            return new Rule(family,
                    Decoding.prefix(attributes, FRA_SRC, Byte.toUnsignedInt(header.get(2)), family, true),
                    Decoding.prefix(attributes, FRA_DST, Byte.toUnsignedInt(header.get(1)), family, true),
                    attributes.u32(FRA_PRIORITY, 0),
                    attributes.u32OrNull(FRA_FWMARK),
                    attributes.u32OrNull(FRA_FWMASK),
                    attributes.string(FRA_IIFNAME),
                    attributes.string(FRA_OIFNAME),
                    Byte.toUnsignedInt(header.get(3)),
                    action,
                    attributes.u32(FRA_TABLE, Byte.toUnsignedInt(header.get(4))),
                    attributes.u32OrNull(FRA_GOTO),
                    unlessUnset(attributes.u32OrNull(FRA_SUPPRESS_PREFIXLEN)),
                    unlessUnset(attributes.u32OrNull(FRA_SUPPRESS_IFGROUP)),
                    attributes.u32OrNull(FRA_FLOW),
                    uids == null ? null : new Rule.UidRange(uids.getInt(), uids.getInt()),
                    attributes.has(FRA_IP_PROTO) ? attributes.u8(FRA_IP_PROTO, 0) : null,
                    sourcePorts == null ? null : portRange(sourcePorts),
                    destinationPorts == null ? null : portRange(destinationPorts),
                    attributes.u8(FRA_L3MDEV, 0) != 0,
                    protocol == 0 ? null : new RouteProtocol(protocol),
                    (header.getInt(8) & FIB_RULE_INVERT) != 0);
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("inconsistent rule: " + e.getMessage());
        }
    }

    /** The kernel reports an unset suppressor as -1. */
    private static Integer unlessUnset(Integer value) {
        return value == null || value == -1 ? null : value;
    }

    private static Rule.PortRange portRange(ByteBuffer value) {
        return new Rule.PortRange(Short.toUnsignedInt(value.getShort()), Short.toUnsignedInt(value.getShort()));
    }

    private static ByteBuffer fixed(Attributes attributes, int type, int size) {
        ByteBuffer value = attributes.value(type);
        if (value != null && value.remaining() < size) {
            throw new NetlinkDecodeException("rule attribute " + type + " holds " + value.remaining() + " bytes, expected " + size);
        }
        return value;
    }
}
