package org.jkeepalived.netlink.codec;

/** Netlink's 4-byte alignment of messages and attributes ({@code NLMSG_ALIGN}, {@code NLA_ALIGN}). */
final class Alignment {

    static final int ALIGNTO = 4;

    private Alignment() {
    }

    static int align(int length) {
        return (length + ALIGNTO - 1) & ~(ALIGNTO - 1);
    }
}
