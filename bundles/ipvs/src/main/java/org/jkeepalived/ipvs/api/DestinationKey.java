package org.jkeepalived.ipvs.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What identifies a destination within its service: address and port.
 *
 * @param address the real server's address
 * @param port its port, 0 for the port each connection came to (fwmark and every-port services)
 */
public record DestinationKey(InetAddress address, int port) {

    public DestinationKey {
        Objects.requireNonNull(address, "address");
        Ports.check(port, "destination port");
    }

    @Override
    public String toString() {
        return Endpoints.format(address, port);
    }
}
