package org.jkeepalived.ipvs.internal.scheduler;

import java.net.InetAddress;

/** The hashes of addresses that the IPVS hashing schedulers use. */
final class AddressHash {

    /** Knuth's multiplicative constant, 2654435761, as dh multiplies by it. */
    static final int KNUTH = 0x9E3779B1;
    /** The kernel's {@code GOLDEN_RATIO_32}, as {@code hash_32} multiplies by it. */
    static final int GOLDEN_RATIO_32 = 0x61C88647;

    private AddressHash() {
    }

    /**
     * An address as one 32-bit word in host order: IPv4 as it is, IPv6 as the XOR of its four words.
     *
     * @param address the address
     * @return {@code ntohl(addr_fold)}
     */
    static int fold(InetAddress address) {
        byte[] bytes = address.getAddress();
        int fold = 0;
        for (int i = 0; i < bytes.length; i += 4) {
            fold ^= (bytes[i] & 0xFF) << 24 | (bytes[i + 1] & 0xFF) << 16 | (bytes[i + 2] & 0xFF) << 8 | (bytes[i + 3] & 0xFF);
        }
        return fold;
    }

    /**
     * The kernel's {@code hash_32(value, bits)}: the top bits of the value times the golden ratio.
     *
     * @param value the value
     * @param bits how many bits
     * @return the hash, below {@code 1 << bits}
     */
    static int hash32(int value, int bits) {
        return (value * GOLDEN_RATIO_32) >>> (32 - bits);
    }
}
