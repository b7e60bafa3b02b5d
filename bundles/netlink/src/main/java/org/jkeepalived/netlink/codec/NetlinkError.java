package org.jkeepalived.netlink.codec;

import java.nio.ByteBuffer;

/**
 * The payload of an {@link NetlinkHeader#NLMSG_ERROR} message ({@code struct nlmsgerr}): an
 * acknowledgement when {@link #error()} is 0, else the negated errno of a failed request, with the
 * kernel's own explanation when the socket asked for extended acknowledgements ({@code NETLINK_EXT_ACK}).
 * The payload of a {@link NetlinkHeader#NLMSG_DONE} message that ends a dump has the same shape
 * without the request's header.
 *
 * @param error 0, or the negated errno
 * @param request the header of the request this answers, or {@code null} for the end of a dump
 * @param message the kernel's explanation ({@code NLMSGERR_ATTR_MSG}), or {@code null}
 * @param offset the byte offset in the request of the attribute the kernel rejected
 *     ({@code NLMSGERR_ATTR_OFFS}), or -1
 */
public record NetlinkError(int error, NetlinkHeader request, String message, int offset) {

    /** Extended acknowledgement attributes ({@code enum nlmsgerr_attrs}). */
    public static final int NLMSGERR_ATTR_MSG = 1;
    public static final int NLMSGERR_ATTR_OFFS = 2;

    /** @return whether this acknowledges success */
    public boolean isAck() {
        return error == 0;
    }

    /** @return the errno, positive; 0 for an acknowledgement */
    public int errno() {
        return -error;
    }

    /**
     * Decodes the payload of an {@link NetlinkHeader#NLMSG_ERROR} message. The request's payload is
     * included unless the kernel capped it ({@code NLM_F_CAPPED}); extended acknowledgement
     * attributes follow when {@code NLM_F_ACK_TLVS} is set.
     *
     * @param message an error message
     * @return its payload, decoded
     * @throws NetlinkDecodeException if it is truncated or malformed
     */
    public static NetlinkError decode(NetlinkMessage message) {
        ByteBuffer payload = message.payload();
        if (payload.remaining() < 4 + NetlinkHeader.SIZE) {
            throw new NetlinkDecodeException("error message has " + payload.remaining() + " bytes, needs "
                    + (4 + NetlinkHeader.SIZE));
        }
        int error = payload.getInt();
        NetlinkHeader request = NetlinkHeader.decode(payload);
        int flags = message.header().flags();
        Attributes extended = Attributes.empty();
        if ((flags & NetlinkHeader.NLM_F_ACK_TLVS) != 0) {
            long echoed = (flags & NetlinkHeader.NLM_F_CAPPED) != 0 ? NetlinkHeader.SIZE : Integer.toUnsignedLong(request.length());
            long start = 4 + ((echoed + Alignment.ALIGNTO - 1) & ~(Alignment.ALIGNTO - 1));
            if (echoed < NetlinkHeader.SIZE || start > payload.limit()) {
                throw new NetlinkDecodeException("error message echoes a request of " + echoed
                        + " bytes, it has " + (payload.limit() - 4));
            }
            extended = Attributes.decode(payload.position((int) start));
        }
        return new NetlinkError(error, request, extended.string(NLMSGERR_ATTR_MSG), extended.u32(NLMSGERR_ATTR_OFFS, -1));
    }

    /**
     * Decodes the payload of an {@link NetlinkHeader#NLMSG_DONE} message: an error code, 0 when the
     * dump completed, followed by extended acknowledgement attributes when {@code NLM_F_ACK_TLVS} is set.
     * A payload too short to hold the code means success, as older kernels send none.
     *
     * @param message a done message
     * @return its status
     * @throws NetlinkDecodeException if its attributes are malformed
     */
    public static NetlinkError decodeDone(NetlinkMessage message) {
        ByteBuffer payload = message.payload();
        if (payload.remaining() < 4) {
            return new NetlinkError(0, null, null, -1);
        }
        int error = payload.getInt();
        Attributes extended = (message.header().flags() & NetlinkHeader.NLM_F_ACK_TLVS) != 0
                ? Attributes.decode(payload) : Attributes.empty();
        return new NetlinkError(error, null, extended.string(NLMSGERR_ATTR_MSG), extended.u32(NLMSGERR_ATTR_OFFS, -1));
    }
}
