package org.jkeepalived.config.internal.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jkeepalived.config.api.ConfigService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Reloads the configuration on SIGHUP, as keepalived does (and {@code systemctl reload} asks). Left
 * to the JVM, SIGHUP would stop the process. The reload runs on a thread of its own, so that the
 * signal is answered at once and signals during a reload wait their turn.
 */
@Component(immediate = true)
public final class HangupReload {

    private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);
    private static final Signal HANGUP = new Signal("HUP");

    private final ExecutorService reloads = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jkeepalived-sighup");
        thread.setDaemon(true);
        return thread;
    });
    private final SignalHandler previous;

    /** @param config what reloads */
    @Activate
    public HangupReload(@Reference ConfigService config) {
        previous = Signal.handle(HANGUP, signal -> reloads.execute(() -> {
            LOG.info("SIGHUP: reloading {}", config.configFile());
            config.reload();
        }));
        // the JVM leaves a signal ignored at its start ignored, and answers with SIG_IGN (nohup does that)
        if (previous == SignalHandler.SIG_IGN) {
            LOG.warn("SIGHUP was ignored when jkeepalived started (under nohup?) and stays ignored: it does not reload; "
                    + "reload with keepalived:reload, or start jkeepalived without ignoring SIGHUP");
        }
    }

    @Deactivate
    void stop() {
        Signal.handle(HANGUP, previous);
        reloads.shutdown();
    }
}
