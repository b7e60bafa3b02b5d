package org.jkeepalived.ipvs.internal.scheduler;

/**
 * The kernel's {@code hsiphash} of one 32-bit word on 64-bit machines, where it is SipHash-1-3
 * (one compression round, three finalization rounds) folded to 32 bits (lib/siphash.c).
 */
final class SipHash13 {

    private static final long V0 = 0x736f6d6570736575L;
    private static final long V1 = 0x646f72616e646f6dL;
    private static final long V2 = 0x6c7967656e657261L;
    private static final long V3 = 0x7465646279746573L;

    private final long key0;
    private final long key1;

    SipHash13(long key0, long key1) {
        this.key0 = key0;
        this.key1 = key1;
    }

    /**
     * @param word the 32-bit word, hashed as its four bytes in little-endian order
     * @return the hash, as an unsigned 32-bit value
     */
    long hash(int word) {
        long v0 = V0 ^ key0;
        long v1 = V1 ^ key1;
        long v2 = V2 ^ key0;
        long v3 = V3 ^ key1;
        long b = (4L << 56) | (word & 0xFFFFFFFFL);

        v3 ^= b;
        // one round
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        v0 ^= b;
        v2 ^= 0xff;
        for (int round = 0; round < 3; round++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return (v0 ^ v1 ^ v2 ^ v3) & 0xFFFFFFFFL;
    }
}
