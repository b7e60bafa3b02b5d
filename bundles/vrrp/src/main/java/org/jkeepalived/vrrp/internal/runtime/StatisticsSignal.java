package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.nio.file.Path;

import org.jkeepalived.core.api.process.ReportFiles;
import org.jkeepalived.core.api.signal.ProcessSignal;
import org.jkeepalived.core.api.signal.SignalHandler;
import org.jkeepalived.vrrp.api.VrrpService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the VRRP statistics file on SIGUSR2, as keepalived does: {@code /tmp/keepalived.stats}, or
 * where the system property {@value #FILE_PROPERTY} says (the launcher puts it in {@code $TMPDIR}).
 * The file is replaced whole.
 */
@Component
public final class StatisticsSignal implements SignalHandler {

    /** The system property that names the statistics file. */
    static final String FILE_PROPERTY = "jkeepalived.stats.file";
    private static final String DEFAULT_FILE = "/tmp/keepalived.stats";
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsSignal.class);

    private final VrrpService vrrp;
    private final Path file = Path.of(System.getProperty(FILE_PROPERTY, DEFAULT_FILE));

    /** @param vrrp the running instances */
    @Activate
    public StatisticsSignal(@Reference VrrpService vrrp) {
        this.vrrp = vrrp;
    }

    @Override
    public ProcessSignal signal() {
        return ProcessSignal.USR2;
    }

    @Override
    public void handle() {
        try {
            ReportFiles.replace(file, StatisticsReport.format(vrrp.instances()));
            LOG.info("SIGUSR2: VRRP statistics written to {}", file);
        } catch (IOException e) {
            LOG.error("SIGUSR2: cannot write the VRRP statistics to {}: {}", file, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "the VRRP statistics file " + file;
    }
}
