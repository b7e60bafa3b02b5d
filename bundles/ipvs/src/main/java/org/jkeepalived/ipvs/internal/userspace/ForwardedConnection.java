package org.jkeepalived.ipvs.internal.userspace;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection (TCP) or flow (UDP) through a userspace service, as its destination and its
 * persistence template count it. The forwarding threads report what happens to it, and the
 * destination's counts change at once; the template, which the control loop owns, is released there.
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
    private final AtomicReference<State> state = new AtomicReference<>(State.INACTIVE);

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
        if (state.compareAndSet(State.INACTIVE, State.ACTIVE)) {
            destination.established();
        }
    }

    /** One end closed its side. */
    void closing() {
        if (state.compareAndSet(State.ACTIVE, State.CLOSING)) {
            destination.closing();
        }
    }

    /** The connection is gone; called once or more. */
    void closed() {
        State previous = state.getAndSet(State.CLOSED);
        if (previous != State.CLOSED) {
            destination.unbind(previous == State.ACTIVE);
            if (template != null) {
                service.control().execute(() -> service.released(template));
            }
        }
    }

    /** Counts a packet (for TCP, one read) on the service and the destination; any thread. */
    void packet(boolean inbound, int bytes) {
        service.counters().packet(inbound, bytes);
        destination.counters().packet(inbound, bytes);
    }
}
