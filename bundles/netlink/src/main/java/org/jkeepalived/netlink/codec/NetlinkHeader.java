package org.jkeepalived.netlink.codec;

import java.nio.ByteBuffer;

/**
 * {@code struct nlmsghdr}: the 16-byte header of every netlink message (netlink(7)).
 *
 * @param length {@code nlmsg_len}, the length of the message including this header
 * @param type {@code nlmsg_type}: a control type ({@link #NLMSG_ERROR}, ...) or the family's message type
 * @param flags {@code nlmsg_flags}, a mask of the {@code NLM_F_} values
 * @param sequence {@code nlmsg_seq}, which the kernel copies from the request into its replies
 * @param portId {@code nlmsg_pid}, the sending socket's port; 0 for the kernel
 */
public record NetlinkHeader(int length, int type, int flags, int sequence, int portId) {

    /** {@code sizeof(struct nlmsghdr)}. */
    public static final int SIZE = 16;

    /** Control message types, below {@link #NLMSG_MIN_TYPE}. */
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;
    public static final int NLMSG_MIN_TYPE = 0x10;

    /** Flags of every message. */
    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    public static final int NLM_F_DUMP_INTR = 0x10;

    /** Flags of a GET request. */
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;

    /** Flags of a NEW request. */
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;

    /** Flags of an {@link #NLMSG_ERROR} reply. */
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    /** Byte offset of {@code nlmsg_seq}, so that a socket can number a request that is already encoded. */
    public static final int SEQUENCE_OFFSET = 8;

    /**
     * Reads a header at the buffer's position and moves past it.
     *
     * @param buffer a buffer in host byte order
     * @return the header
     * @throws NetlinkDecodeException if fewer than {@link #SIZE} bytes remain
     */
    public static NetlinkHeader decode(ByteBuffer buffer) {
        if (buffer.remaining() < SIZE) {
            throw new NetlinkDecodeException("netlink header needs " + SIZE + " bytes, " + buffer.remaining() + " left");
        }
        return new NetlinkHeader(buffer.getInt(), Short.toUnsignedInt(buffer.getShort()),
                Short.toUnsignedInt(buffer.getShort()), buffer.getInt(), buffer.getInt());
    }

    /** @return whether this is the last reply of a dump */
    public boolean isDone() {
        return type == NLMSG_DONE;
    }

    /** @return whether this is an error or an acknowledgement */
    public boolean isError() {
        return type == NLMSG_ERROR;
    }

    /** @return whether the kernel flagged the dump this message belongs to as inconsistent */
    public boolean isDumpInterrupted() {
        return (flags & NLM_F_DUMP_INTR) != 0;
    }
}
