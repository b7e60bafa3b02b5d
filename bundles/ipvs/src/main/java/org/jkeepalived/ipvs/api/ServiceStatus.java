package org.jkeepalived.ipvs.api;

import java.util.Objects;

/**
 * A service as the data plane has it ({@code IPVS_CMD_GET_SERVICE}).
 *
 * @param service the service
 * @param counters its counters
 */
public record ServiceStatus(VirtualService service, Counters counters) {

    public ServiceStatus {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(counters, "counters");
    }
}
