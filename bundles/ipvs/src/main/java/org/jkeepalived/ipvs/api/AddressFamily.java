package org.jkeepalived.ipvs.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** An address family, with the number IPVS takes ({@code IPVS_SVC_ATTR_AF}). */
public enum AddressFamily {
    /** IPv4 ({@code AF_INET}). */
    INET(2, 32),
    /** IPv6 ({@code AF_INET6}). */
    INET6(10, 128);

    private final int number;
    private final int bits;

    AddressFamily(int number, int bits) {
        this.number = number;
        this.bits = bits;
    }

    /** @return {@code AF_INET} or {@code AF_INET6} */
    public int number() {
        return number;
    }

    /** @return the length of an address in bits */
    public int bits() {
        return bits;
    }

    /** @return the family of {@code address} */
    public static AddressFamily of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return INET;
        }
        if (address instanceof Inet6Address) {
            return INET6;
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }
}
