package org.jkeepalived.ipvs.api;

import java.util.Objects;

/** A data plane operation that was refused or failed; the table is as it was before it. */
public final class DataPlaneException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, as IPVS answers it. */
    public enum Reason {
        /** The service exists already ({@code EEXIST}). */
        SERVICE_EXISTS,
        /** No such service ({@code ESRCH}). */
        NO_SUCH_SERVICE,
        /** The destination exists already ({@code EEXIST}). */
        DESTINATION_EXISTS,
        /** No such destination ({@code ENOENT}). */
        NO_SUCH_DESTINATION,
        /** A sync daemon of that role runs already ({@code EEXIST}). */
        SYNC_DAEMON_EXISTS,
        /** No sync daemon of that role runs ({@code ESRCH}). */
        NO_SUCH_SYNC_DAEMON,
        /** The backend cannot do this: a scheduler, protocol or kind of service it lacks ({@code EOPNOTSUPP}, {@code ENOENT} for a scheduler). */
        UNSUPPORTED,
        /** The backend failed: a socket that cannot be bound, a netlink error, arguments the kernel refused ({@code EINVAL}). */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what, naming the service or destination
     */
    public DataPlaneException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why
     * @param message what, naming the service or destination
     * @param cause the error underneath
     */
    public DataPlaneException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }
}
