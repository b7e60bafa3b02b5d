package org.jkeepalived.vrrp.internal.codec;

/** The VRRP version: the high nibble of an advert's first byte. */
public enum VrrpVersion {

    /** RFC 3768: intervals in seconds, 8 bytes of authentication data, IPv4 only. */
    V2(2),

    /** RFC 5798: intervals in centiseconds, no authentication, IPv4 and IPv6. */
    V3(3);

    private final int number;

    VrrpVersion(int number) {
        this.number = number;
    }

    /** @return 2 or 3, as on the wire */
    public int number() {
        return number;
    }

    /**
     * @param number a version number
     * @return the version
     * @throws IllegalArgumentException for a number other than 2 or 3
     */
    public static VrrpVersion of(int number) {
        switch (number) {
            case 2: return V2;
            case 3: return V3;
            default: throw new IllegalArgumentException("VRRP version " + number + " does not exist; use 2 or 3");
        }
    }
}
