package org.jkeepalived.core.api.watchdog;

import java.util.Map;
import java.util.concurrent.Executor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A subsystem whose loops the watchdog supervises, registered as a service (whiteboard).
 */
@ConsumerType
public interface Supervised {

    /** @return the subsystem's name, as logs and alerts show it, for example {@code vrrp} */
    String subsystem();

    /**
     * The loops that run the subsystem now, asked before each round of hellos, so that loops made
     * by a restart are supervised from then on.
     *
     * @return each loop by its name (its thread's name); each runs posted tasks one at a time
     */
    Map<String, Executor> loops();

    /**
     * Restarts the subsystem on fresh loops because one of its loops is stuck. Called on the
     * watchdog's thread, which this must never block on the stuck loop: whatever the stuck thread
     * owns is given up, not handed back.
     *
     * @param stuck the loop that did not answer
     */
    void restart(StuckLoop stuck);
}
