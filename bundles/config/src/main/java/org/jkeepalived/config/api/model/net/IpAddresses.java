package org.jkeepalived.config.api.model.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses as people write them: IPv6 in the short form of RFC 5952 section 4, which Java does not print. */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * @param address an address
     * @return {@code 192.0.2.1}, or {@code 2001:db8::1} rather than Java's {@code 2001:db8:0:0:0:0:0:1}
     */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 section 4.2: the longest run of two or more zero groups, the first if tied, becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /**
     * @param address an address
     * @param port a port
     * @return the two as keepalived's logs and ipvsadm write an endpoint: {@code 192.0.2.10:80},
     *         {@code [2001:db8::10]:80}
     */
    public static String endpoint(InetAddress address, int port) {
        String text = format(address);
        return (address instanceof Inet6Address ? "[" + text + "]" : text) + ":" + port;
    }
}
