package org.jkeepalived.ipvs.internal.userspace;

/**
 * One connection (TCP) or flow (UDP) through a userspace service, as its destination and its
 * persistence template count it. The forwarding threads report what happens to it from any thread;
 * the counts change on the control loop.
 */
final class ForwardedConnection {

    private enum State {
        /** Opening (TCP) or a flow (UDP): counted inactive. */
        INACTIVE,
        /** Established both ways: counted active. */
        ACTIVE,
        /** One side closed: counted inactive. */
        CLOSING,
        /** Gone. */
        CLOSED
    }

    private final ServiceRuntime service;
    private final UserspaceDestination destination;
    private final PersistenceTable.Template template;
    private State state = State.INACTIVE;

    ForwardedConnection(ServiceRuntime service, UserspaceDestination destination, PersistenceTable.Template template) {
        this.service = service;
        this.destination = destination;
        this.template = template;
    }

    UserspaceDestination destination() {
        return destination;
    }

    /** Both ends are connected. */
    void established() {
        service.control().execute(() -> {
            if (state == State.INACTIVE) {
                state = State.ACTIVE;
                destination.established();
            }
        });
    }

    /** One end closed its side. */
    void closing() {
        service.control().execute(() -> {
            if (state == State.ACTIVE) {
                state = State.CLOSING;
                destination.closing();
            }
        });
    }

    /** The connection is gone; called once or more. */
    void closed() {
        service.control().execute(() -> {
            if (state != State.CLOSED) {
                destination.unbind(state == State.ACTIVE);
                state = State.CLOSED;
                service.released(template);
            }
        });
    }

    /** Counts a packet (for TCP, one read) on the service and the destination; any thread. */
    void packet(boolean inbound, int bytes) {
        service.counters().packet(inbound, bytes);
        destination.counters().packet(inbound, bytes);
    }
}
