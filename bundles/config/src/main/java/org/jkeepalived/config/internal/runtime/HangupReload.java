package org.jkeepalived.config.internal.runtime;

import org.jkeepalived.config.api.ConfigService;
import org.jkeepalived.core.api.signal.ProcessSignal;
import org.jkeepalived.core.api.signal.SignalHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the configuration on SIGHUP, as keepalived does (and {@code systemctl reload} asks). A
 * SIGHUP received during a reload waits its turn.
 */
@Component
public final class HangupReload implements SignalHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);

    private final ConfigService config;

    /** @param config what reloads */
    @Activate
    public HangupReload(@Reference ConfigService config) {
        this.config = config;
    }

    @Override
    public ProcessSignal signal() {
        return ProcessSignal.HUP;
    }

    @Override
    public void handle() {
        LOG.info("SIGHUP: reloading {}", config.configFile());
        config.reload();
    }

    @Override
    public String toString() {
        return "the configuration reload";
    }
}
