package org.jkeepalived.ipvs.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A service with its destinations: one entry of a {@link ServiceTable}.
 *
 * @param service the service
 * @param destinations its destinations, each key once
 */
public record ServiceEntry(VirtualService service, List<Destination> destinations) {

    public ServiceEntry {
        Objects.requireNonNull(service, "service");
        destinations = List.copyOf(destinations);
        Set<DestinationKey> keys = new HashSet<>();
        for (Destination destination : destinations) {
            if (!keys.add(destination.key())) {
                throw new IllegalArgumentException("destination " + destination.key() + " is twice in service " + service.key());
            }
        }
    }

    /** @return the service's key */
    public ServiceKey key() {
        return service.key();
    }
}
