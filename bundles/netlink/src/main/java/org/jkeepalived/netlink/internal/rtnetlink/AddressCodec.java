package org.jkeepalived.netlink.internal.rtnetlink;

import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_ACK;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_CREATE;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_DUMP;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_EXCL;
import static org.jkeepalived.netlink.codec.NetlinkHeader.NLM_F_REQUEST;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.AddressFlag;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.Scope;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.codec.NetlinkMessageBuilder;

/**
 * Addresses: {@code struct ifaddrmsg} (family, prefix length, flags, scope, index) and its {@code IFA_}
 * attributes. As {@code ip address} does, a request carries the local address in {@code IFA_LOCAL}
 * and the peer, or the local address again, in {@code IFA_ADDRESS}.
 */
public final class AddressCodec {

    /** {@code sizeof(struct ifaddrmsg)}. */
    public static final int IFADDRMSG_SIZE = 8;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_BROADCAST = 4;
    static final int IFA_CACHEINFO = 6;
    static final int IFA_FLAGS = 8;
    /** {@code struct ifa_cacheinfo}: preferred and valid lifetimes, creation and update stamps. */
    static final int CACHEINFO_SIZE = 16;

    private AddressCodec() {
    }

    /** @return a request for every address of every family */
    public static ByteBuffer dump() {
        return new NetlinkMessageBuilder(RtnetlinkProtocol.RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP)
                .putU8(RtnetlinkProtocol.AF_UNSPEC).putU8(0).putU8(0).putU8(0).putU32(0)
                .build();
    }

    /**
     * @param spec the address
     * @param index its interface's index
     * @return the request ({@code ip address add}), failing with {@code EEXIST} if it is present
     */
    public static ByteBuffer add(AddressSpec spec, int index) {
        int flags = AddressFlag.mask(spec.flags());
        NetlinkMessageBuilder builder = encode(RtnetlinkProtocol.RTM_NEWADDR,
                NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, spec, index, flags);
        if (spec.broadcast() != null) {
            builder.attributeAddress(IFA_BROADCAST, spec.broadcast());
        }
        if (flags > 0xff) {
            builder.attributeU32(IFA_FLAGS, flags);
        }
        if (spec.preferredLifetime() != Address.FOREVER) {
            builder.attribute(IFA_CACHEINFO, ByteBuffer.allocate(CACHEINFO_SIZE).order(ByteOrder.nativeOrder())
                    .putInt((int) spec.preferredLifetime()).putInt((int) Address.FOREVER).putInt(0).putInt(0).array());
        }
        return builder.build();
    }

    /**
     * @param spec the address
     * @param index its interface's index
     * @return the request ({@code ip address del}), failing with {@code EADDRNOTAVAIL} if it is not present
     */
    public static ByteBuffer delete(AddressSpec spec, int index) {
        return encode(RtnetlinkProtocol.RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, spec, index, 0).build();
    }

    private static NetlinkMessageBuilder encode(int type, int messageFlags, AddressSpec spec, int index, int flags) {
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(type, messageFlags)
                .putU8(spec.family().value())
                .putU8(spec.prefixLength())
                .putU8(flags & 0xff)
                .putU8(spec.scope().value())
                .putU32(index)
                .attributeAddress(IFA_LOCAL, spec.address())
                .attributeAddress(IFA_ADDRESS, spec.peer() != null ? spec.peer() : spec.address());
        if (spec.label() != null) {
            builder.attributeString(IFA_LABEL, spec.label());
        }
        return builder;
    }

    /**
     * Decodes an {@code RTM_NEWADDR} or {@code RTM_DELADDR} message.
     *
     * @param message the message
     * @return the address, or {@code null} if it is of a family other than IPv4 and IPv6
     * @throws NetlinkDecodeException if the message is malformed or has no address
     */
    public static Address decode(NetlinkMessage message) {
        ByteBuffer header = message.familyHeader(IFADDRMSG_SIZE);
        IpFamily family = IpFamily.ofValue(Byte.toUnsignedInt(header.get(0)));
        if (family == null) {
            return null;
        }
        int prefixLength = Byte.toUnsignedInt(header.get(1));
        if (prefixLength > family.maxPrefixLength()) {
            throw new NetlinkDecodeException("address prefix length " + prefixLength + " is too long for " + family);
        }
        int index = header.getInt(4);
        Attributes attributes = message.attributes(IFADDRMSG_SIZE);
        InetAddress local = attributes.address(IFA_LOCAL, family.addressLength());
        InetAddress prefixAddress = attributes.address(IFA_ADDRESS, family.addressLength());
        if (local == null && prefixAddress == null) {
            throw new NetlinkDecodeException("address message for interface " + index + " without an address");
        }
        InetAddress peer = local != null && prefixAddress != null && !local.equals(prefixAddress) ? prefixAddress : null;
        int flags = attributes.u32(IFA_FLAGS, Byte.toUnsignedInt(header.get(2)));
        long preferred = Address.FOREVER;
        long valid = Address.FOREVER;
        ByteBuffer cacheInfo = attributes.value(IFA_CACHEINFO);
        if (cacheInfo != null) {
            if (cacheInfo.remaining() < CACHEINFO_SIZE) {
                throw new NetlinkDecodeException("IFA_CACHEINFO holds " + cacheInfo.remaining() + " bytes, expected " + CACHEINFO_SIZE);
            }
            preferred = Integer.toUnsignedLong(cacheInfo.getInt());
            valid = Integer.toUnsignedLong(cacheInfo.getInt());
        }
        return new Address(index, local != null ? local : prefixAddress, prefixLength, peer,
                attributes.address(IFA_BROADCAST, family.addressLength()), attributes.string(IFA_LABEL),
                new Scope(Byte.toUnsignedInt(header.get(3))), AddressFlag.of(flags), preferred, valid);
    }
}
