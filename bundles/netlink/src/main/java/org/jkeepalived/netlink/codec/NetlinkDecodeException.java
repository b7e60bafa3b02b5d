package org.jkeepalived.netlink.codec;

/**
 * A netlink message that cannot be decoded: a length that does not fit, a truncated header or
 * attribute, a value of the wrong size. The only exception the decoders of this package throw for
 * malformed input.
 */
public final class NetlinkDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, and where */
    public NetlinkDecodeException(String message) {
        super(message);
    }
}
