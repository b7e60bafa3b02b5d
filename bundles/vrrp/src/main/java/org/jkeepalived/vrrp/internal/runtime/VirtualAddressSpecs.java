package org.jkeepalived.vrrp.internal.runtime;

import java.net.Inet6Address;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.netlink.api.AddressFlag;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.Scope;

/** The kernel addresses of a vrrp_instance's virtual_ipaddress and virtual_ipaddress_excluded. */
final class VirtualAddressSpecs {

    private VirtualAddressSpecs() {
    }

    /**
     * @param instance the instance
     * @return the addresses it sets as master, in configuration order
     * @throws IllegalArgumentException naming the instance and the address, when an address has no
     *         interface or the kernel could not take it as written
     */
    static List<AddressSpec> of(VrrpInstance instance) {
        return Stream.concat(instance.virtualAddresses().stream(), instance.excludedAddresses().stream())
                .map(entry -> spec(entry, instance.interfaceName(), instance.name()))
                .toList();
    }

    private static AddressSpec spec(IpAddressEntry entry, Optional<String> instanceInterface, String instance) {
        String device = entry.device().or(() -> instanceInterface).orElseThrow(() -> new IllegalArgumentException(
                "(" + instance + ") virtual address " + entry + " has no interface: give it dev, or the instance an interface"));
        Set<AddressFlag> flags = EnumSet.noneOf(AddressFlag.class);
        for (IpAddressEntry.Flag flag : entry.flags()) {
            flags.add(switch (flag) {
                case HOME -> AddressFlag.HOMEADDRESS;
                case NODAD -> AddressFlag.NODAD;
                case MNGTMPADDR -> AddressFlag.MANAGETEMPADDR;
                case NOPREFIXROUTE -> AddressFlag.NOPREFIXROUTE;
                case AUTOJOIN -> AddressFlag.MCAUTOJOIN;
            });
        }
        if (entry.address().address() instanceof Inet6Address) {
            // RFC 5798 section 8.2: the routers sharing a virtual address must not detect it as a duplicate
            flags.add(AddressFlag.NODAD);
        }
        try {
            return new AddressSpec(device, entry.address().address(), entry.address().length(),
                    entry.peer().map(peer -> peer.address()).orElse(null), entry.broadcast().orElse(null),
                    entry.label().orElse(null), new Scope(entry.scope().value()), flags, entry.preferredLifetime());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("(" + instance + ") virtual address " + entry + ": " + e.getMessage(), e);
        }
    }
}
