package org.jkeepalived.config.api.model.vrrp;

/**
 * A MAC address.
 *
 * @param value the 48 bits of the address, in the low bits
 */
public record MacAddress(long value) {

    public MacAddress {
        if ((value >>> 48) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits: " + Long.toHexString(value));
        }
    }

    /** @return the six octets, in network order */
    public byte[] octets() {
        byte[] octets = new byte[6];
        for (int i = 0; i < 6; i++) {
            octets[i] = (byte) (value >>> (8 * (5 - i)));
        }
        return octets;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (byte octet : octets()) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", octet & 0xff));
        }
        return text.toString();
    }
}
