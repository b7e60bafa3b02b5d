package org.jkeepalived.vrrp.internal.instance;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.vrrp.internal.settings.VirtualMac;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

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

    /**
     * The advertised addresses on the instance's own interface, or its VMAC: where they are when the
     * configuration names no other interface for them.
     *
     * @param settings an instance's settings
     * @return its addresses, none for an instance without interface
     */
    public static AnnouncedAddresses onInstanceInterface(VrrpSettings settings) {
        return settings.vmac().map(VirtualMac::interfaceName).or(settings::interfaceName)
                .map(name -> new AnnouncedAddresses(Map.of(name, settings.virtualAddresses())))
                .orElseGet(() -> new AnnouncedAddresses(Map.of()));
    }
}
