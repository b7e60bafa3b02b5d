package org.jkeepalived.netlink.api;

import java.util.Arrays;

/**
 * A link-layer address, usually the 6 bytes of an Ethernet MAC. Immutable.
 */
public final class MacAddress {

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes the address, most significant byte first
     * @return the address, holding a copy of the bytes
     */
    public static MacAddress of(byte[] bytes) {
        return new MacAddress(bytes.clone());
    }

    /**
     * @param text bytes in hexadecimal separated by {@code :} or {@code -}, for example {@code 00:00:5e:00:01:07}
     * @return the address
     * @throws IllegalArgumentException if the text is not such an address
     */
    public static MacAddress parse(String text) {
        String[] parts = text.split("[:-]", -1);
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            try {
                bytes[i] = (byte) Integer.parseInt(parts[i], 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MAC address: " + text, e);
            }
        }
        return new MacAddress(bytes);
    }

    /**
     * The virtual router MAC address of an IPv4 virtual router, {@code 00-00-5E-00-01-{VRID}} (RFC 5798 section 7.3).
     *
     * @param virtualRouterId the VRID, 1 to 255
     * @return its MAC address
     */
    public static MacAddress vrrpIpv4(int virtualRouterId) {
        return vrrp(1, virtualRouterId);
    }

    /**
     * The virtual router MAC address of an IPv6 virtual router, {@code 00-00-5E-00-02-{VRID}} (RFC 5798 section 7.3).
     *
     * @param virtualRouterId the VRID, 1 to 255
     * @return its MAC address
     */
    public static MacAddress vrrpIpv6(int virtualRouterId) {
        return vrrp(2, virtualRouterId);
    }

    private static MacAddress vrrp(int family, int virtualRouterId) {
        if (virtualRouterId < 1 || virtualRouterId > 255) {
            throw new IllegalArgumentException("virtual_router_id must be 1 to 255, not " + virtualRouterId);
        }
        return new MacAddress(new byte[] {0, 0, 0x5e, 0, (byte) family, (byte) virtualRouterId});
    }

    /** @return a copy of the bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the number of bytes */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress && Arrays.equals(bytes, ((MacAddress) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** @return the bytes in lower-case hexadecimal separated by colons, as {@code ip link} shows them */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }
}
