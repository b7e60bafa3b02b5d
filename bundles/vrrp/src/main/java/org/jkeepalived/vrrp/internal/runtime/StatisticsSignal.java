package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jkeepalived.vrrp.api.VrrpService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Writes the VRRP statistics file on SIGUSR2, as keepalived does: {@code /tmp/keepalived.stats}, or
 * where the system property {@value #FILE_PROPERTY} says (the launcher puts it in {@code $TMPDIR}). The file is written on a thread of its
 * own and replaced whole, so that a reader never sees half of it.
 */
@Component(immediate = true)
public final class StatisticsSignal {

    /** The system property that names the statistics file. */
    static final String FILE_PROPERTY = "jkeepalived.stats.file";
    private static final String DEFAULT_FILE = "/tmp/keepalived.stats";
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsSignal.class);
    private static final Signal USR2 = new Signal("USR2");

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jkeepalived-sigusr2");
        thread.setDaemon(true);
        return thread;
    });
    private final SignalHandler previous;

    /** @param vrrp the running instances */
    @Activate
    public StatisticsSignal(@Reference VrrpService vrrp) {
        Path file = Path.of(System.getProperty(FILE_PROPERTY, DEFAULT_FILE));
        previous = Signal.handle(USR2, signal -> writer.execute(() -> write(file, StatisticsReport.format(vrrp.instances()))));
    }

    @Deactivate
    void stop() {
        Signal.handle(USR2, previous);
        writer.shutdown();
    }

    private static void write(Path file, String text) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("SIGUSR2: VRRP statistics written to {}", file);
        } catch (IOException e) {
            LOG.error("SIGUSR2: cannot write the VRRP statistics to {}: {}", file, e.getMessage());
        }
    }
}
