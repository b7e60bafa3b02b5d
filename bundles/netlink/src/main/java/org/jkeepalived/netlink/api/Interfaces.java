package org.jkeepalived.netlink.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The interfaces of a network namespace at one moment, as the {@link InterfaceMonitor} knows them.
 * Immutable.
 *
 * @param byIndex the interfaces by index
 */
public record Interfaces(Map<Integer, InterfaceState> byIndex) {

    /** Copies the map. */
    public Interfaces {
        byIndex = Map.copyOf(byIndex);
    }

    /** @return every interface */
    public Collection<InterfaceState> all() {
        return byIndex.values();
    }

    /**
     * @param index an interface index
     * @return the interface, if known
     */
    public Optional<InterfaceState> byIndex(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    /**
     * @param name an interface name
     * @return the interface, if known
     */
    public Optional<InterfaceState> byName(String name) {
        return byIndex.values().stream().filter(state -> state.name().equals(name)).findFirst();
    }
}
