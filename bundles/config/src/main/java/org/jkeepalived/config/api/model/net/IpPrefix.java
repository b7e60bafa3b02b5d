package org.jkeepalived.config.api.model.net;

import java.net.InetAddress;

/**
 * An address with a prefix length, as {@code 192.168.1.0/24} or {@code 2001:db8::/64}. The address
 * is kept as written: host bits are not cleared.
 *
 * @param address the address
 * @param length the prefix length, up to 32 or 128
 */
public record IpPrefix(InetAddress address, int length) {

    public IpPrefix {
        if (length < 0 || length > IpFamily.of(address).maxPrefixLength()) {
            throw new IllegalArgumentException("prefix length " + length + " does not fit " + IpAddresses.format(address));
        }
    }

    /** @return the address alone, with the full prefix length of its family */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, IpFamily.of(address).maxPrefixLength());
    }

    /** @return the family */
    public IpFamily family() {
        return IpFamily.of(address);
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + length;
    }
}
