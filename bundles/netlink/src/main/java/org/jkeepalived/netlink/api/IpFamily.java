package org.jkeepalived.netlink.api;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The address families of routes, rules and addresses. */
public enum IpFamily {

    /** {@code AF_INET}. */
    IPV4(2, 4),
    /** {@code AF_INET6}. */
    IPV6(10, 16);

    private final int value;
    private final int addressLength;

    IpFamily(int value, int addressLength) {
        this.value = value;
        this.addressLength = addressLength;
    }

    /** @return the {@code AF_} value */
    public int value() {
        return value;
    }

    /** @return the length of an address in bytes */
    public int addressLength() {
        return addressLength;
    }

    /** @return the longest prefix, 32 or 128 */
    public int maxPrefixLength() {
        return addressLength * 8;
    }

    /**
     * @param address an address
     * @return its family
     */
    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }

    /**
     * @param value an {@code AF_} value
     * @return the family, or {@code null} if it is neither IPv4 nor IPv6
     */
    public static IpFamily ofValue(int value) {
        return value == IPV4.value ? IPV4 : value == IPV6.value ? IPV6 : null;
    }
}
