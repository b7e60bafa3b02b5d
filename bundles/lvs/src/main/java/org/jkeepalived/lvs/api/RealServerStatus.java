package org.jkeepalived.lvs.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One real_server of a virtual server at one moment.
 *
 * @param endpoint its address and port: {@code 192.0.2.10:80}, {@code [2001:db8::10]:80}
 * @param configuredWeight the weight written in the configuration
 * @param dataPlaneWeight its weight in the data plane, or empty when it is not there (down without
 *                        inhibit_on_failure, or replaced by the sorry server)
 * @param up whether its checkers say it is up; one without checkers is always up
 * @param checkers its checkers with their state, for example {@code TCP_CHECK up}
 */
public record RealServerStatus(String endpoint, int configuredWeight, OptionalInt dataPlaneWeight, boolean up,
        List<String> checkers) {

    public RealServerStatus {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(dataPlaneWeight, "dataPlaneWeight");
        checkers = List.copyOf(checkers);
    }
}
