package org.jkeepalived.config.api.model.lvs;

import java.util.Locale;
import java.util.Optional;

/** The IPVS schedulers that lvs_sched (or lb_algo) names. */
public enum Scheduler {
    /** Round robin. */
    RR,
    /** Weighted round robin. */
    WRR,
    /** Least connections. */
    LC,
    /** Weighted least connections (IPVS's default). */
    WLC,
    /** Locality-based least connections. */
    LBLC,
    /** Source hashing. */
    SH,
    /** Maglev hashing. */
    MH,
    /** Destination hashing. */
    DH,
    /** Weighted failover. */
    FO,
    /** Weighted overflow. */
    OVF,
    /** Locality-based least connections with replication. */
    LBLCR,
    /** Shortest expected delay. */
    SED,
    /** Never queue. */
    NQ,
    /** Weighted random twos choice. */
    TWOS;

    /** @return the name IPVS knows it by, as written in the configuration */
    public String ipvsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the scheduler IPVS knows by {@code name} */
    public static Optional<Scheduler> byName(String name) {
        for (Scheduler scheduler : values()) {
            if (scheduler.ipvsName().equals(name)) {
                return Optional.of(scheduler);
            }
        }
        return Optional.empty();
    }
}
