package org.jkeepalived.core.api.watchdog;

import org.osgi.annotation.versioning.ConsumerType;

/** Told, as a service (whiteboard), of every subsystem the watchdog restarted. */
@ConsumerType
public interface WatchdogListener {

    /**
     * A subsystem was restarted because one of its loops was stuck. Called on the watchdog's
     * thread after the restart: this must not block.
     *
     * @param stuck the loop that did not answer
     * @param restarted whether the restart succeeded; if not, the subsystem is not running
     */
    void subsystemRestarted(StuckLoop stuck, boolean restarted);
}
