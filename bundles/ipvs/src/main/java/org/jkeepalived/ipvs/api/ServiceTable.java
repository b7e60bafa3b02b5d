package org.jkeepalived.ipvs.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole table of services and destinations: the one a data plane has, or the one wanted of it.
 *
 * @param entries the services, each key once, in a stable order
 */
public record ServiceTable(List<ServiceEntry> entries) {

    /** The empty table. */
    public static final ServiceTable EMPTY = new ServiceTable(List.of());

    public ServiceTable {
        entries = List.copyOf(entries);
        Map<ServiceKey, ServiceEntry> byKey = new LinkedHashMap<>();
        for (ServiceEntry entry : entries) {
            if (byKey.put(entry.key(), entry) != null) {
                throw new IllegalArgumentException("service " + entry.key() + " is twice in the table");
            }
        }
    }

    /**
     * @param entries the services
     * @return a table of them
     */
    public static ServiceTable of(ServiceEntry... entries) {
        return new ServiceTable(List.of(entries));
    }

    /**
     * Reads what a data plane has now.
     *
     * @param plane the data plane
     * @return its table, with destinations in its order
     * @throws DataPlaneException if it cannot be listed
     */
    public static ServiceTable read(DataPlane plane) throws DataPlaneException {
        List<ServiceEntry> entries = new ArrayList<>();
        for (ServiceStatus status : plane.services()) {
            List<Destination> destinations = new ArrayList<>();
            for (DestinationStatus destination : plane.destinations(status.service().key())) {
                destinations.add(destination.destination());
            }
            entries.add(new ServiceEntry(status.service(), destinations));
        }
        return new ServiceTable(entries);
    }

    /** @return the entry of {@code key} */
    public Optional<ServiceEntry> entry(ServiceKey key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    /** @return the entries by key, in table order */
    public Map<ServiceKey, ServiceEntry> byKey() {
        Map<ServiceKey, ServiceEntry> byKey = new LinkedHashMap<>();
        entries.forEach(entry -> byKey.put(entry.key(), entry));
        return Collections.unmodifiableMap(byKey);
    }
}
