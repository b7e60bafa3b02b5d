package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.core.api.process.Scripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts notify scripts on a thread of its own, so that forking never holds up the VRRP loop, and
 * does not wait for them, as keepalived does not: each one's exit is logged when it comes.
 */
final class ScriptLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptLauncher.class);

    private final ExecutorService starter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "vrrp-notify");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts a script, unless enable_script_security refused it; returns at once.
     *
     * @param script the script
     * @param extraArguments arguments after the script's own
     * @param why what it is for, for the log
     */
    void launch(Script script, List<String> extraArguments, String why) {
        if (!script.runnable()) {
            // enable_script_security refused it when the configuration was read, which said why
            return;
        }
        try {
            starter.execute(() -> start(script, extraArguments, why));
        } catch (RejectedExecutionException e) {
            LOG.warn("{}: not run, jkeepalived is stopping: {}", why, script);
        }
    }

    private static void start(Script script, List<String> extraArguments, String why) {
        try {
            Process process = Scripts.start(script.argv(), script.user(), script.group(), extraArguments);
            process.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    LOG.warn("{}: {} exited with status {}", why, script, done.exitValue());
                }
            });
        } catch (IOException e) {
            LOG.error("{}: cannot run {}: {}", why, script, e.getMessage());
        }
    }

    /** Starts the scripts already asked for, then no more. */
    @Override
    public void close() {
        starter.shutdown();
        try {
            starter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
