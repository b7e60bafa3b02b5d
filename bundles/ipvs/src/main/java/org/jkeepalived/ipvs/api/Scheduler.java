package org.jkeepalived.ipvs.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The IPVS schedulers, by the name IPVS knows them ({@code IPVS_SVC_ATTR_SCHED_NAME}) and
 * keepalived.conf's lvs_sched (or lb_algo) takes. The constants have the names of the configuration
 * model's {@code Scheduler}, so that one maps onto the other by name.
 */
public enum Scheduler {
    /** Round robin. */
    RR,
    /** Weighted round robin. */
    WRR,
    /** Least connections. */
    LC,
    /** Weighted least connections (the default of IPVS and keepalived). */
    WLC,
    /** Locality-based least connections. */
    LBLC,
    /** Locality-based least connections with replication. */
    LBLCR,
    /** Destination hashing. */
    DH,
    /** Source hashing. */
    SH,
    /** Shortest expected delay. */
    SED,
    /** Never queue. */
    NQ,
    /** Weighted failover. */
    FO,
    /** Weighted overflow. */
    OVF,
    /** Maglev hashing. */
    MH,
    /** Weighted random twos choice. */
    TWOS;

    /** @return the name IPVS knows it by */
    public String ipvsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the scheduler IPVS knows by {@code name} */
    public static Optional<Scheduler> byIpvsName(String name) {
        for (Scheduler scheduler : values()) {
            if (scheduler.ipvsName().equals(name)) {
                return Optional.of(scheduler);
            }
        }
        return Optional.empty();
    }
}
