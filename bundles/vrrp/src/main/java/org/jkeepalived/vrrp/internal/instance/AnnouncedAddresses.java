package org.jkeepalived.vrrp.internal.instance;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses a master announces, gratuitous ARP for IPv4 and unsolicited NA for IPv6, by the
 * interface each is on: the hosts of that interface's link are those that must learn where it went.
 * Both families, and the excluded addresses too, as keepalived announces them.
 *
 * @param byInterface the addresses of each interface, in configuration order
 */
public record AnnouncedAddresses(Map<String, List<InetAddress>> byInterface) {

    public AnnouncedAddresses {
        Map<String, List<InetAddress>> copy = new LinkedHashMap<>();
        byInterface.forEach((name, addresses) -> copy.put(name, List.copyOf(addresses)));
        byInterface = Collections.unmodifiableMap(copy);
    }
}
