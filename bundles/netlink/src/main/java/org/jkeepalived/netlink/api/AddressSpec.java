package org.jkeepalived.netlink.api;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An address to add to or delete from an interface, as a {@code virtual_ipaddress} line describes
 * it: {@code <IPADDR>[/<MASK>] [brd <IPADDR>] [dev <STRING>] [scope <SCOPE>] [label <LABEL>] [peer <IPADDR>]
 * [home] [-nodad] [mngtmpaddr] [noprefixroute] [autojoin] [preferred_lft nn|forever]}. The kernel
 * identifies an address by its interface, local address, prefix length and peer; the other parts
 * matter when adding.
 *
 * @param device the interface name
 * @param address the local address
 * @param prefixLength the prefix length
 * @param peer the other end of a point-to-point address, or {@code null}
 * @param broadcast the IPv4 broadcast address, or {@code null} for none
 * @param label the IPv4 label, by convention the interface name, a colon and a tag such as {@code eth0:1}; or {@code null}
 * @param scope the scope
 * @param flags flags to request: {@link AddressFlag#NODAD}, {@link AddressFlag#HOMEADDRESS},
 *     {@link AddressFlag#MANAGETEMPADDR}, {@link AddressFlag#NOPREFIXROUTE}, {@link AddressFlag#MCAUTOJOIN}
 * @param preferredLifetime seconds until the address is deprecated, {@link Address#FOREVER} for never;
 *     0 deprecates an IPv6 address at once, so that it is not chosen as a source
 */
public record AddressSpec(String device, InetAddress address, int prefixLength, InetAddress peer,
        InetAddress broadcast, String label, Scope scope, Set<AddressFlag> flags, long preferredLifetime) {

    /** A label is kept in an {@code IFNAMSIZ} buffer with its terminating NUL. */
    private static final int MAX_LABEL_BYTES = 15;
    private static final Set<AddressFlag> REQUESTABLE = EnumSet.of(AddressFlag.NODAD, AddressFlag.HOMEADDRESS,
            AddressFlag.MANAGETEMPADDR, AddressFlag.NOPREFIXROUTE, AddressFlag.MCAUTOJOIN);

    /** Checks the parts against each other. */
    public AddressSpec {
        if (device == null || address == null || scope == null) {
            throw new IllegalArgumentException("an address needs an interface, an address and a scope");
        }
        IpFamily family = IpFamily.of(address);
        if (prefixLength < 0 || prefixLength > family.maxPrefixLength()) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range for " + address.getHostAddress());
        }
        if (peer != null && IpFamily.of(peer) != family || broadcast != null && IpFamily.of(broadcast) != family) {
            throw new IllegalArgumentException("peer and broadcast of " + address.getHostAddress() + " must be of its family");
        }
        if (broadcast != null && family == IpFamily.IPV6) {
            throw new IllegalArgumentException("IPv6 has no broadcast address: " + address.getHostAddress());
        }
        if (label != null && (family == IpFamily.IPV6 || label.isEmpty()
                || label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES)) {
            throw new IllegalArgumentException("label " + label + " of " + address.getHostAddress()
                    + ": labels are for IPv4 addresses and have 1 to " + MAX_LABEL_BYTES + " bytes");
        }
        flags = AddressFlag.copyOf(flags);
        if (!REQUESTABLE.containsAll(flags)) {
            throw new IllegalArgumentException("flags " + flags + " cannot be requested, only " + REQUESTABLE);
        }
        if (preferredLifetime < 0 || preferredLifetime > Address.FOREVER) {
            throw new IllegalArgumentException("preferred lifetime out of range: " + preferredLifetime);
        }
    }

    /**
     * @param device the interface name
     * @param address the local address
     * @param prefixLength the prefix length
     * @return an address of global scope with nothing else set
     */
    public static AddressSpec of(String device, InetAddress address, int prefixLength) {
        return new AddressSpec(device, address, prefixLength, null, null, null, Scope.GLOBAL, Set.of(), Address.FOREVER);
    }

    /** @param peer the peer address
     *  @return a copy with that peer */
    public AddressSpec withPeer(InetAddress peer) {
        return new AddressSpec(device, address, prefixLength, peer, broadcast, label, scope, flags, preferredLifetime);
    }

    /** @param broadcast the broadcast address
     *  @return a copy with that broadcast address */
    public AddressSpec withBroadcast(InetAddress broadcast) {
        return new AddressSpec(device, address, prefixLength, peer, broadcast, label, scope, flags, preferredLifetime);
    }

    /** @param label the label
     *  @return a copy with that label */
    public AddressSpec withLabel(String label) {
        return new AddressSpec(device, address, prefixLength, peer, broadcast, label, scope, flags, preferredLifetime);
    }

    /** @param scope the scope
     *  @return a copy with that scope */
    public AddressSpec withScope(Scope scope) {
        return new AddressSpec(device, address, prefixLength, peer, broadcast, label, scope, flags, preferredLifetime);
    }

    /** @param flags the flags
     *  @return a copy with those flags */
    public AddressSpec withFlags(Set<AddressFlag> flags) {
        return new AddressSpec(device, address, prefixLength, peer, broadcast, label, scope, flags, preferredLifetime);
    }

    /** @param seconds the preferred lifetime
     *  @return a copy with that preferred lifetime */
    public AddressSpec withPreferredLifetime(long seconds) {
        return new AddressSpec(device, address, prefixLength, peer, broadcast, label, scope, flags, seconds);
    }

    /** @return the family */
    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** @return the address as {@code ip address add} takes it, for example {@code 192.0.2.10/32 dev eth0 label eth0:1} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(address.getHostAddress()).append('/').append(prefixLength);
        if (peer != null) {
            text.append(" peer ").append(peer.getHostAddress());
        }
        if (broadcast != null) {
            text.append(" brd ").append(broadcast.getHostAddress());
        }
        text.append(" dev ").append(device);
        if (label != null) {
            text.append(" label ").append(label);
        }
        if (!scope.equals(Scope.GLOBAL)) {
            text.append(" scope ").append(scope);
        }
        for (AddressFlag flag : flags) {
            text.append(' ').append(flag.name().toLowerCase(Locale.ROOT));
        }
        if (preferredLifetime != Address.FOREVER) {
            text.append(" preferred_lft ").append(preferredLifetime);
        }
        return text.toString();
    }
}
