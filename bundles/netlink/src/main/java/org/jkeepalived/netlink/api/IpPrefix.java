package org.jkeepalived.netlink.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address and a prefix length, such as a route's destination {@code 192.0.2.0/24}. The address is
 * kept as given; the kernel ignores its host bits where it matters.
 *
 * @param address the address
 * @param length the prefix length, 0 to 32 for IPv4 and 0 to 128 for IPv6
 */
public record IpPrefix(InetAddress address, int length) {

    /** Checks the length against the family. */
    public IpPrefix {
        if (address == null) {
            throw new IllegalArgumentException("a prefix needs an address");
        }
        if (length < 0 || length > IpFamily.of(address).maxPrefixLength()) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range for " + address.getHostAddress());
        }
    }

    /**
     * @param text {@code address/length}, or an address alone for a host prefix
     * @return the prefix
     * @throws IllegalArgumentException if the text is not a prefix
     */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (host.isEmpty() || !host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP prefix: " + text);
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            int length = slash < 0 ? IpFamily.of(address).maxPrefixLength() : Integer.parseInt(text.substring(slash + 1));
            return new IpPrefix(address, length);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP prefix: " + text, e);
        }
    }

    /**
     * @param family a family
     * @return {@code 0.0.0.0/0} or {@code ::/0}
     */
    public static IpPrefix any(IpFamily family) {
        try {
            return new IpPrefix(InetAddress.getByAddress(new byte[family.addressLength()]), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the family */
    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** @return {@code address/length} */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
