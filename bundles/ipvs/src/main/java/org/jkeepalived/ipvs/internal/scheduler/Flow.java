package org.jkeepalived.ipvs.internal.scheduler;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The first packet of a connection, as far as schedulers read it.
 *
 * @param source the client's address
 * @param sourcePort the client's port
 * @param destination the virtual address it came to
 */
public record Flow(InetAddress source, int sourcePort, InetAddress destination) {

    public Flow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }
}
