package org.jkeepalived.config.api.model.net;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An address family, as keepalived.conf names it: {@code inet} or {@code inet6}. */
public enum IpFamily {
    /** IPv4. */
    INET,
    /** IPv6. */
    INET6;

    /** @return the family of an address */
    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }

    /** @return the longest prefix of the family: 32 or 128 */
    public int maxPrefixLength() {
        return this == INET ? 32 : 128;
    }
}
