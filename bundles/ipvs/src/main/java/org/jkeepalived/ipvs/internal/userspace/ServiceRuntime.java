package org.jkeepalived.ipvs.internal.userspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.netty.channel.EventLoop;

import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.scheduler.Flow;
import org.jkeepalived.ipvs.internal.scheduler.SchedulingAlgorithm;

/**
 * One userspace service: its destinations in IPVS's order (newest first), its scheduler, its
 * persistence templates and its counters. Everything here runs on the control loop, except the
 * counters. A destination is found by its key rather than by a walk of the list, and the scheduler
 * is given the list itself rather than copies: a change costs what the scheduler's own update does,
 * even in a service of tens of thousands of destinations.
 */
final class ServiceRuntime {

    private final ForwarderContext context;
    private final List<UserspaceDestination> destinations = new ArrayList<>();
    private final List<UserspaceDestination> unmodifiableDestinations = Collections.unmodifiableList(destinations);
    private final Map<DestinationKey, UserspaceDestination> byKey = new HashMap<>();
    private final TrafficCounters counters = new TrafficCounters();
    private VirtualService service;
    private SchedulingAlgorithm algorithm;
    private PersistenceTable persistence;
    private Forwarder forwarder;

    ServiceRuntime(ForwarderContext context, VirtualService service, SchedulingAlgorithm algorithm) {
        this.context = context;
        this.service = service;
        this.algorithm = algorithm;
        this.persistence = service.persistence().map(PersistenceTable::new).orElse(null);
    }

    void forwarder(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    VirtualService service() {
        return service;
    }

    EventLoop control() {
        return context.control();
    }

    ForwarderContext context() {
        return context;
    }

    TrafficCounters counters() {
        return counters;
    }

    /**
     * Schedules a new connection or flow: to its client's persistence template if it holds, else as
     * the scheduler says, and counts it.
     *
     * @param flow its first packet
     * @return the connection, or null if no destination takes it
     */
    ForwardedConnection open(Flow flow) {
        long now = System.nanoTime();
        PersistenceTable.Template template = persistence == null ? null : persistence.find(flow.source(), now);
        UserspaceDestination destination = template == null ? null : PersistenceTable.destination(template);
        if (destination == null) {
            destination = algorithm.schedule(unmodifiableDestinations, flow);
            if (destination == null) {
                return null;
            }
            if (persistence != null) {
                template = persistence.create(flow.source(), destination);
            }
        }
        if (template != null) {
            persistence.used(template, now);
        }
        destination.bind();
        destination.counters().connection();
        counters.connection();
        return new ForwardedConnection(this, destination, template);
    }

    void released(PersistenceTable.Template template) {
        if (template != null && persistence != null) {
            persistence.released(template);
        }
    }

    void expireTemplates(long now) {
        if (persistence != null) {
            persistence.expire(now);
        }
    }

    void update(VirtualService updated, Optional<SchedulingAlgorithm> newAlgorithm) {
        newAlgorithm.ifPresent(replacement -> {
            algorithm = replacement;
            algorithm.destinationsChanged(unmodifiableDestinations);
        });
        if (updated.persistence().isEmpty()) {
            if (persistence != null) {
                persistence.clear();
            }
            persistence = null;
        } else if (persistence == null) {
            persistence = new PersistenceTable(updated.persistence().get());
        } else {
            persistence.update(updated.persistence().get());
        }
        service = updated;
    }

    void addDestination(Destination destination) throws DataPlaneException {
        if (find(destination.key()) != null) {
            throw new DataPlaneException(DataPlaneException.Reason.DESTINATION_EXISTS,
                    "destination " + destination.key() + " of service " + service.key() + " exists already");
        }
        UserspaceDestination added = new UserspaceDestination(destination, port());
        destinations.add(0, added);
        byKey.put(destination.key(), added);
        algorithm.destinationsChanged(unmodifiableDestinations);
    }

    /** @return the settings it had before */
    Destination setDestination(Destination destination) throws DataPlaneException {
        UserspaceDestination existing = existing(destination.key());
        Destination before = existing.destination();
        existing.update(destination);
        algorithm.destinationsChanged(unmodifiableDestinations);
        return before;
    }

    void removeDestination(DestinationKey key) throws DataPlaneException {
        UserspaceDestination existing = existing(key);
        int index = destinations.indexOf(existing);
        destinations.remove(index);
        byKey.remove(key);
        existing.markRemoved();
        algorithm.destinationRemoved(existing, index == 0 ? null : destinations.get(index - 1), unmodifiableDestinations);
    }

    /** Closes the forwarder and forgets the templates; connections in progress finish on their own. */
    void close() {
        if (forwarder != null) {
            forwarder.close();
        }
        if (persistence != null) {
            persistence.clear();
        }
        destinations.forEach(UserspaceDestination::markRemoved);
    }

    ServiceStatus status() {
        return new ServiceStatus(service, counters.snapshot());
    }

    List<DestinationStatus> destinationStatuses() {
        return destinations.stream().map(UserspaceDestination::status).toList();
    }

    private UserspaceDestination existing(DestinationKey key) throws DataPlaneException {
        UserspaceDestination existing = find(key);
        if (existing == null) {
            throw new DataPlaneException(DataPlaneException.Reason.NO_SUCH_DESTINATION,
                    "service " + service.key() + " has no destination " + key);
        }
        return existing;
    }

    private UserspaceDestination find(DestinationKey key) {
        return byKey.get(Objects.requireNonNull(key, "key"));
    }

    private int port() {
        return ((ServiceKey.Inet) service.key()).port();
    }
}
