package org.jkeepalived.ipvs.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Persistence of a service ({@code IP_VS_SVC_F_PERSISTENT}): the connections of one client go to the
 * destination of its first one for as long as it keeps coming back within {@code timeout}.
 *
 * @param timeout persistence_timeout: how long the client's affinity outlives its last connection,
 *                in whole seconds (IPVS keeps seconds), at least 1 s
 * @param prefixLength persistence_granularity as a prefix length: clients whose addresses share
 *                     this prefix are one client (32 or 128 for one address)
 */
public record Persistence(Duration timeout, int prefixLength) {

    /** IPVS's default persistence timeout, which keepalived uses for persistence_timeout without value. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(360);

    public Persistence {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.getSeconds() < 1 || timeout.getNano() != 0) {
            throw new IllegalArgumentException("persistence timeout " + timeout + " is not a whole number of seconds of at least 1");
        }
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("persistence granularity /" + prefixLength + " is not a prefix length");
        }
    }

    /**
     * @param timeout the timeout
     * @param family the family of the service
     * @return persistence per client address
     */
    public static Persistence perClient(Duration timeout, AddressFamily family) {
        return new Persistence(timeout, family.bits());
    }
}
