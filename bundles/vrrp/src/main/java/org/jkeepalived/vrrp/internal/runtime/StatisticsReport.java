package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;

import org.jkeepalived.vrrp.api.VrrpCounter;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;

/**
 * The VRRP statistics file that keepalived writes on SIGUSR2, line for line as keepalived 2.2 writes
 * it, so that the monitoring scripts that read {@code /tmp/keepalived.stats} read jkeepalived's.
 */
final class StatisticsReport {

    private StatisticsReport() {
    }

    /**
     * @param instances the running instances
     * @return the file's text: one block per instance
     */
    static String format(List<VrrpInstanceStatus> instances) {
        StringBuilder text = new StringBuilder();
        for (VrrpInstanceStatus instance : instances) {
            text.append("VRRP Instance: ").append(instance.name()).append('\n');
            String section = "";
            for (VrrpCounter counter : VrrpCounter.values()) {
                if (counter.fileLine() == null) {
                    continue;
                }
                if (!counter.fileSection().isEmpty() && !counter.fileSection().equals(section)) {
                    text.append("  ").append(counter.fileSection()).append(":\n");
                }
                section = counter.fileSection();
                int indent = section.isEmpty() ? 2 : 4;
                text.append(" ".repeat(indent)).append(counter.fileLine()).append(": ").append(counter.of(instance)).append('\n');
            }
        }
        return text.toString();
    }
}
