package org.jkeepalived.config.api.model.net;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * An address of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress:
 * {@code IP[/MASK] [brd IP] [dev IF] [scope SCOPE] [label LABEL] [peer IP[/MASK]] [home] [-nodad]
 * [mngtmpaddr] [noprefixroute] [autojoin] [no_track] [use_vmac] [preferred_lft N|forever]}.
 *
 * @param address the address and its prefix (default /32 or /128)
 * @param broadcast brd, IPv4 only; {@code +} and {@code -} are already worked out
 * @param device dev; the instance's interface or default_interface applies when absent
 * @param scope scope (default global)
 * @param label label, such as {@code eth0:1}
 * @param peer peer: the other end of a point-to-point address
 * @param flags home, -nodad, mngtmpaddr, noprefixroute, autojoin
 * @param noTrack no_track: the instance does not leave MASTER if the address is removed
 * @param useVmac use_vmac: put the address on a VMAC of its device
 * @param preferredLifetime preferred_lft in seconds; {@link #FOREVER} unless set (0 for IPv6 /128,
 *                          which keepalived deprecates by default)
 */
public record IpAddressEntry(
        IpPrefix address,
        Optional<InetAddress> broadcast,
        Optional<String> device,
        AddressScope scope,
        Optional<String> label,
        Optional<IpPrefix> peer,
        Set<Flag> flags,
        boolean noTrack,
        boolean useVmac,
        long preferredLifetime) {

    /** The kernel's "forever" lifetime. */
    public static final long FOREVER = 0xFFFF_FFFFL;

    public IpAddressEntry {
        flags = Set.copyOf(flags);
    }

    /** The flags of {@code ip address add}. */
    public enum Flag {
        /** home: IPv6 mobility home address. */
        HOME,
        /** -nodad: no duplicate address detection (IPv6). */
        NODAD,
        /** mngtmpaddr: manage temporary addresses (IPv6). */
        MNGTMPADDR,
        /** noprefixroute: no prefix route for the address. */
        NOPREFIXROUTE,
        /** autojoin: join the multicast group of the address. */
        AUTOJOIN
    }

    @Override
    public String toString() {
        return address + device.map(d -> " dev " + d).orElse("");
    }
}
