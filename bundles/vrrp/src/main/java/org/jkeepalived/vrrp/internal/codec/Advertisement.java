package org.jkeepalived.vrrp.internal.codec;

import java.net.InetAddress;
import java.util.List;

import org.jkeepalived.config.api.model.net.IpFamily;

/**
 * A VRRP advertisement (RFC 3768 section 5.1, RFC 5798 section 5.1), as sent or received.
 *
 * @param family the family of the addresses and of the IP packet that carries the advert
 * @param version the VRRP version
 * @param virtualRouterId the VRID, 0 to 255 on the wire (1 to 255 configured)
 * @param priority 0 (the master stops) to 255 (the address owner)
 * @param advertInterval whole seconds for VRRPv2 (8 bits), centiseconds for VRRPv3 (12 bits)
 * @param authType the authentication type; {@link AuthType#NONE} for VRRPv3, which has none
 * @param authData the 8 bytes of VRRPv2 authentication data, big-endian; 0 for VRRPv3
 * @param addresses the virtual addresses, all of {@code family}
 */
public record Advertisement(IpFamily family, VrrpVersion version, int virtualRouterId, int priority,
        int advertInterval, AuthType authType, long authData, List<InetAddress> addresses) {

    /** The largest address count (RFC 5798 section 5.2.5: 8 bits). */
    public static final int MAX_ADDRESSES = 255;

    /** The largest VRRPv3 interval in centiseconds (RFC 5798 section 5.2.7: 12 bits). */
    public static final int MAX_V3_INTERVAL = 0xfff;

    public Advertisement {
        addresses = List.copyOf(addresses);
        checkRange("virtual router id", virtualRouterId, 255);
        checkRange("priority", priority, 255);
        checkRange("advert interval", advertInterval, version == VrrpVersion.V2 ? 255 : MAX_V3_INTERVAL);
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("an advert holds at most " + MAX_ADDRESSES + " addresses, not " + addresses.size());
        }
        for (InetAddress address : addresses) {
            if (IpFamily.of(address) != family) {
                throw new IllegalArgumentException(address.getHostAddress() + " is not an address of family " + family);
            }
        }
        if (version == VrrpVersion.V2 && family != IpFamily.INET) {
            throw new IllegalArgumentException("VRRPv2 carries IPv4 only (RFC 3768); use version 3 for IPv6");
        }
        if (version == VrrpVersion.V3 && (authType != AuthType.NONE || authData != 0)) {
            throw new IllegalArgumentException("VRRPv3 has no authentication (RFC 5798 section 9)");
        }
    }

    /** @return the advert interval in centiseconds, whatever the version */
    public int advertIntervalCentiseconds() {
        return version == VrrpVersion.V2 ? advertInterval * 100 : advertInterval;
    }

    /**
     * @param newPriority a priority
     * @return this advert with that priority
     */
    public Advertisement withPriority(int newPriority) {
        return new Advertisement(family, version, virtualRouterId, newPriority, advertInterval, authType, authData, addresses);
    }

    private static void checkRange(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + max);
        }
    }
}
