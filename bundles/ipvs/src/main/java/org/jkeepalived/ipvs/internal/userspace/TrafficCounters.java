package org.jkeepalived.ipvs.internal.userspace;

import java.util.concurrent.atomic.LongAdder;

import org.jkeepalived.ipvs.api.Counters;

/** Counters of a service or destination, added to from the forwarding threads. */
final class TrafficCounters {

    private final LongAdder connections = new LongAdder();
    private final LongAdder inPackets = new LongAdder();
    private final LongAdder outPackets = new LongAdder();
    private final LongAdder inBytes = new LongAdder();
    private final LongAdder outBytes = new LongAdder();

    void connection() {
        connections.increment();
    }

    /**
     * @param inbound from the client to the real server
     * @param bytes the bytes of one packet (for TCP, one read of the stream)
     */
    void packet(boolean inbound, int bytes) {
        (inbound ? inPackets : outPackets).increment();
        (inbound ? inBytes : outBytes).add(bytes);
    }

    Counters snapshot() {
        return new Counters(connections.sum(), inPackets.sum(), outPackets.sum(), inBytes.sum(), outBytes.sum());
    }
}
