package org.jkeepalived.healthcheck.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The health of every real server of the running configuration.
 */
@ProviderType
public interface HealthService {

    /**
     * @return every real server checked now, in the order of the configuration (virtual servers,
     *         then their real servers)
     */
    List<RealServerHealth> snapshot();

    /**
     * @param key a real server
     * @return its health, if it is checked
     */
    Optional<RealServerHealth> health(RealServerKey key);

    /**
     * The checkers of one real server, with their timers and counters, read on the loop that runs
     * them.
     *
     * @param key a real server
     * @return its checkers in the order written, or empty if it is not checked
     */
    Optional<List<CheckerDetail>> checkers(RealServerKey key);

    /** @return how many probes run and how late they start */
    CheckStatistics statistics();
}
