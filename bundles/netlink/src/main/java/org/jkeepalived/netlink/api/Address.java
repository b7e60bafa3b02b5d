package org.jkeepalived.netlink.api;

import java.net.InetAddress;
import java.util.Set;

/**
 * An address configured on an interface, as the kernel reports it ({@code struct ifaddrmsg} and its
 * {@code IFA_} attributes).
 *
 * @param interfaceIndex the index of its interface
 * @param address the local address ({@code IFA_LOCAL}, or {@code IFA_ADDRESS} where that is absent, as for IPv6)
 * @param prefixLength the prefix length
 * @param peer the other end of a point-to-point address, or {@code null}
 * @param broadcast the IPv4 broadcast address, or {@code null}
 * @param label the IPv4 label, such as {@code eth0:1}, or {@code null}
 * @param scope the scope
 * @param flags the flags
 * @param preferredLifetime seconds until it is deprecated, {@link #FOREVER} if never
 * @param validLifetime seconds until it is removed, {@link #FOREVER} if never
 */
public record Address(int interfaceIndex, InetAddress address, int prefixLength, InetAddress peer,
        InetAddress broadcast, String label, Scope scope, Set<AddressFlag> flags,
        long preferredLifetime, long validLifetime) {

    /** The lifetime of an address that does not expire ({@code INFINITY_LIFE_TIME}). */
    public static final long FOREVER = 0xFFFF_FFFFL;

    /** Copies the flags. */
    public Address {
        flags = AddressFlag.copyOf(flags);
    }

    /** @return the family */
    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** @return whether IPv6 duplicate address detection has not finished, so the address cannot be used yet */
    public boolean isTentative() {
        return flags.contains(AddressFlag.TENTATIVE);
    }

    /** @return {@code address/prefixLength} */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + (peer == null ? "" : " peer " + peer.getHostAddress())
                + " index " + interfaceIndex + (label == null ? "" : " label " + label) + " scope " + scope
                + (flags.isEmpty() ? "" : " " + flags);
    }
}
