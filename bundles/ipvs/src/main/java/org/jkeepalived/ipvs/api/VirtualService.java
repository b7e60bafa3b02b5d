package org.jkeepalived.ipvs.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A virtual service and its attributes, as {@code IPVS_CMD_NEW_SERVICE} and
 * {@code IPVS_CMD_SET_SERVICE} take them.
 *
 * @param key what identifies it: protocol, address and port, or firewall mark
 * @param scheduler its scheduler
 * @param flags its scheduler flags
 * @param persistence its persistence, if persistent
 * @param onePacket one-packet scheduling (ops): each UDP datagram is scheduled on its own (TCP
 *                  services ignore it)
 */
public record VirtualService(
        ServiceKey key,
        Scheduler scheduler,
        Set<SchedulerFlag> flags,
        Optional<Persistence> persistence,
        boolean onePacket) {

    public VirtualService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(persistence, "persistence");
        persistence.ifPresent(p -> {
            if (p.prefixLength() > key.family().bits()) {
                throw new IllegalArgumentException("persistence granularity /" + p.prefixLength() + " is longer than an address of " + key);
            }
        });
        if (key instanceof ServiceKey.Inet inet && inet.port() == 0 && persistence.isEmpty()) {
            throw new IllegalArgumentException("service " + key + " of every port must be persistent");
        }
    }

    /**
     * @param key the key
     * @param scheduler the scheduler
     * @return a service without flags, persistence or one-packet scheduling
     */
    public static VirtualService of(ServiceKey key, Scheduler scheduler) {
        return new VirtualService(key, scheduler, Set.of(), Optional.empty(), false);
    }

    /** @return this service with {@code scheduler} */
    public VirtualService withScheduler(Scheduler scheduler) {
        return new VirtualService(key, scheduler, flags, persistence, onePacket);
    }

    /** @return this service with {@code flags} */
    public VirtualService withFlags(Set<SchedulerFlag> flags) {
        return new VirtualService(key, scheduler, flags, persistence, onePacket);
    }

    /** @return this service with {@code persistence} */
    public VirtualService withPersistence(Optional<Persistence> persistence) {
        return new VirtualService(key, scheduler, flags, persistence, onePacket);
    }

    /** @return this service with one-packet scheduling on or off */
    public VirtualService withOnePacket(boolean onePacket) {
        return new VirtualService(key, scheduler, flags, persistence, onePacket);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(key.toString()).append(' ').append(scheduler.ipvsName());
        flags.stream().sorted().forEach(flag -> text.append(' ').append(flag.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        persistence.ifPresent(p -> text.append(" persistent ").append(p.timeout().getSeconds()).append(" /").append(p.prefixLength()));
        if (onePacket) {
            text.append(" ops");
        }
        return text.toString();
    }
}
