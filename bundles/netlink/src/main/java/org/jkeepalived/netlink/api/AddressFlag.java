package org.jkeepalived.netlink.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Flags of an address ({@code IFA_F_}); the first group can be requested, the rest the kernel reports. */
public enum AddressFlag {
    /** {@code nodad} ({@code -nodad} in keepalived.conf): IPv6 duplicate address detection is skipped. */
    NODAD(0x02),
    /** {@code home}: a Mobile IPv6 home address. */
    HOMEADDRESS(0x10),
    /** {@code mngtmpaddr}: temporary addresses are made from this one. */
    MANAGETEMPADDR(0x100),
    /** {@code noprefixroute}: no prefix route is added for it. */
    NOPREFIXROUTE(0x200),
    /** {@code autojoin}: the multicast group of the address is joined. */
    MCAUTOJOIN(0x400),
    /** A secondary IPv4 address, or a temporary IPv6 address. */
    SECONDARY(0x01),
    /** Optimistic duplicate address detection. */
    OPTIMISTIC(0x04),
    /** Duplicate address detection failed: the address is not usable. */
    DADFAILED(0x08),
    /** Its preferred lifetime has passed. */
    DEPRECATED(0x20),
    /** Duplicate address detection is in progress: the address is not usable yet. */
    TENTATIVE(0x40),
    /** Configured, not learned. */
    PERMANENT(0x80),
    /** A stable privacy address (RFC 7217). */
    STABLE_PRIVACY(0x800);

    private final int bit;

    AddressFlag(int bit) {
        this.bit = bit;
    }

    /** @return the {@code IFA_F_} bit */
    public int bit() {
        return bit;
    }

    /**
     * @param mask {@code IFA_F_} bits
     * @return the flags they hold, unmodifiable; unknown bits are dropped
     */
    public static Set<AddressFlag> of(int mask) {
        Set<AddressFlag> flags = EnumSet.noneOf(AddressFlag.class);
        for (AddressFlag flag : values()) {
            if ((mask & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return Collections.unmodifiableSet(flags);
    }

    /**
     * @param flags flags
     * @return an unmodifiable copy that iterates in declaration order
     */
    public static Set<AddressFlag> copyOf(Set<AddressFlag> flags) {
        return flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /**
     * @param flags flags
     * @return their {@code IFA_F_} bits
     */
    public static int mask(Set<AddressFlag> flags) {
        int mask = 0;
        for (AddressFlag flag : flags) {
            mask |= flag.bit;
        }
        return mask;
    }
}
