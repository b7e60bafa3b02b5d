package org.jkeepalived.netlink.internal.rtnetlink;

import java.net.InetAddress;

import org.jkeepalived.netlink.api.IpFamily;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;

/** What the rtnetlink decoders share: prefixes built from an attribute and a length in the family header. */
final class Decoding {

    private Decoding() {
    }

    /**
     * @param attributes the message's attributes
     * @param type the attribute holding the address, absent for {@code 0.0.0.0/0}
     * @param length the prefix length from the family header
     * @param family the message's family
     * @param absentIsNull whether a missing attribute means {@code null} rather than {@code 0.0.0.0/0}
     * @return the prefix
     * @throws NetlinkDecodeException if the length does not fit the family, or is not 0 without an address
     */
    static IpPrefix prefix(Attributes attributes, int type, int length, IpFamily family, boolean absentIsNull) {
        if (length > family.maxPrefixLength()) {
            throw new NetlinkDecodeException("prefix length " + length + " is too long for " + family);
        }
        InetAddress address = attributes.address(type, family.addressLength());
        if (address == null) {
            if (length != 0) {
                throw new NetlinkDecodeException("prefix of length " + length + " without an address (attribute " + type + ")");
            }
            return absentIsNull ? null : IpPrefix.any(family);
        }
        return new IpPrefix(address, length);
    }
}
