package org.jkeepalived.netlink.api;

import org.jkeepalived.core.api.linux.Errno;

/**
 * A netlink request that failed: the kernel refused it, did not answer in time, or the socket
 * failed. The message names the operation and its object, the errno and what it means here, for
 * example {@code cannot add 192.0.2.10/32 to eth9: ENODEV (No such device): no such interface}.
 */
public final class NetlinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errno;
    private final String kernelMessage;

    /**
     * @param operation what was asked, for example {@code add 192.0.2.10/32 to eth0}
     * @param errno the positive errno
     * @param kernelMessage the kernel's explanation from an extended acknowledgement, or {@code null}
     */
    public NetlinkException(String operation, int errno, String kernelMessage) {
        this(operation, errno, kernelMessage, null);
    }

    /**
     * @param operation what was asked
     * @param errno the positive errno
     * @param kernelMessage the kernel's explanation, or {@code null}
     * @param cause what failed underneath, such as a reply that could not be decoded, or {@code null}
     */
    public NetlinkException(String operation, int errno, String kernelMessage, Throwable cause) {
        super(describe(operation, errno, kernelMessage), cause);
        this.operation = operation;
        this.errno = errno;
        this.kernelMessage = kernelMessage;
    }

    /** @return what was asked, for example {@code add 192.0.2.10/32 to eth0} */
    public String operation() {
        return operation;
    }

    /** @return the positive errno, for example {@link Errno#EEXIST} */
    public int errno() {
        return errno;
    }

    /** @return the errno's symbolic name, for example {@code EEXIST} */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** @return the kernel's own explanation, or {@code null} when it gave none */
    public String kernelMessage() {
        return kernelMessage;
    }

    private static String describe(String operation, int errno, String kernelMessage) {
        StringBuilder text = new StringBuilder("cannot ").append(operation).append(": ").append(Errno.describe(errno));
        String meaning = meaning(errno);
        if (meaning != null) {
            text.append(": ").append(meaning);
        }
        if (kernelMessage != null && !kernelMessage.isEmpty()) {
            text.append(" (kernel: ").append(kernelMessage).append(')');
        }
        return text.toString();
    }

    /** What an errno means for a netlink request, in the operator's terms. */
    private static String meaning(int errno) {
        switch (errno) {
            case Errno.EEXIST: return "already present";
            case Errno.ENODEV: return "no such interface";
            case Errno.EPERM: return "not permitted: needs CAP_NET_ADMIN";
            case Errno.ESRCH:
            case Errno.ENOENT:
            case Errno.EADDRNOTAVAIL: return "not present";
            case Errno.ENETUNREACH: return "the gateway is not on a connected network";
            case Errno.EBUSY: return "in use";
            case Errno.ETIMEDOUT: return "the kernel did not answer in time";
            case Errno.EBADMSG: return "the kernel's reply could not be decoded";
            case Errno.ENOBUFS: return "the kernel dropped messages because the socket's receive buffer was full";
            default: return null;
        }
    }
}
