package org.jkeepalived.ipvs.api;

import java.util.Objects;

/**
 * A destination as the data plane has it ({@code IPVS_CMD_GET_DEST}).
 *
 * @param destination the destination
 * @param activeConnections connections established (ipvsadm ActiveConn)
 * @param inactiveConnections connections opening, closing or, for UDP, every flow (InActConn)
 * @param persistentConnections clients held to it by persistence (PersistConn)
 * @param counters its counters
 */
public record DestinationStatus(Destination destination, int activeConnections, int inactiveConnections,
        int persistentConnections, Counters counters) {

    public DestinationStatus {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(counters, "counters");
    }
}
