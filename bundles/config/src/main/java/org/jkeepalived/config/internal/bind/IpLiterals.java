package org.jkeepalived.config.internal.bind;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;

/**
 * Reads IPv4 and IPv6 address literals as inet_pton(3) does, never asking DNS:
 * {@code InetAddress.getByName} would resolve a mistyped address as a host name.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    static Optional<InetAddress> parse(String text) {
        byte[] bytes = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            // Inet6Address keeps an IPv4-mapped address IPv6; InetAddress.getByAddress would not.
            return Optional.of(bytes.length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code ADDRESS} or {@code ADDRESS/LENGTH}; without a length, the address alone. */
    static Optional<IpPrefix> prefix(String text) {
        int slash = text.indexOf('/');
        Optional<InetAddress> address = parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty() || slash < 0) {
            return address.map(IpPrefix::host);
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(length);
        if (bits > IpFamily.of(address.get()).maxPrefixLength()) {
            return Optional.empty();
        }
        return Optional.of(new IpPrefix(address.get(), bits));
    }

    /** @return the address as an unsigned number */
    static BigInteger toNumber(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    /** @return the address of the family whose number this is (the low 32 or 128 bits) */
    static InetAddress fromNumber(BigInteger value, IpFamily family) {
        byte[] bytes = new byte[family.maxPrefixLength() / 8];
        byte[] raw = value.toByteArray();
        for (int i = 0; i < bytes.length && i < raw.length; i++) {
            bytes[bytes.length - 1 - i] = raw[raw.length - 1 - i];
        }
        try {
            return family == IpFamily.INET ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bytes of the family's length make an address", e);
        }
    }

    /** @return the mask of the host bits of a prefix */
    static BigInteger hostBits(IpPrefix prefix) {
        return BigInteger.ONE.shiftLeft(prefix.family().maxPrefixLength() - prefix.length()).subtract(BigInteger.ONE);
    }

    static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            Integer octet = octet(parts[i]);
            if (octet == null) {
                return null;
            }
            bytes[i] = (byte) (int) octet;
        }
        return bytes;
    }

    /** A decimal octet without leading zeros, as inet_pton wants it. */
    private static Integer octet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int value = Integer.parseInt(part);
        return value <= 255 ? value : null;
    }

    private static byte[] ipv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon < 0 ? text : text.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : text.substring(doubleColon + 2);
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            put(bytes, i, headGroups[i]);
        }
        for (int i = 0; i < tailGroups.length; i++) {
            put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
        }
        return bytes;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /**
     * Reads colon-separated groups of up to four hex digits; the last may be a dotted IPv4 address
     * (two groups) when {@code lastMayBeIpv4}.
     */
    private static int[] groups(String text, boolean lastMayBeIpv4) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int ipv4Groups = lastMayBeIpv4 && parts[parts.length - 1].indexOf('.') >= 0 ? 2 : 0;
        int[] groups = new int[parts.length - (ipv4Groups > 0 ? 1 : 0) + ipv4Groups];
        for (int i = 0; i < parts.length - (ipv4Groups > 0 ? 1 : 0); i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpLiterals::isHexDigit)) {
                return null;
            }
            groups[i] = Integer.parseInt(part, 16);
        }
        if (ipv4Groups > 0) {
            byte[] ipv4 = ipv4(parts[parts.length - 1]);
            if (ipv4 == null) {
                return null;
            }
            groups[groups.length - 2] = ((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff);
            groups[groups.length - 1] = ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
        }
        return groups;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
