package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;

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
            text.append("VRRP Instance: ").append(instance.name()).append('\n')
                    .append("  Advertisements:\n");
            line(text, 4, "Received", instance.advertsReceived());
            line(text, 4, "Sent", instance.advertsSent());
            line(text, 2, "Became master", instance.becameMaster());
            line(text, 2, "Released master", instance.releasedMaster());
            text.append("  Packet Errors:\n");
            line(text, 4, "Length", instance.dropped("packet_len_err"));
            line(text, 4, "TTL", instance.dropped("ip_ttl_err"));
            line(text, 4, "Invalid Type", instance.dropped("invalid_type_rcvd"));
            line(text, 4, "Advertisement Interval", instance.dropped("advert_interval_err"));
            line(text, 4, "Address List", instance.dropped("addr_list_err"));
            text.append("  Authentication Errors:\n");
            line(text, 4, "Invalid Type", instance.dropped("invalid_authtype"));
            line(text, 4, "Type Mismatch", instance.dropped("authtype_mismatch"));
            line(text, 4, "Failure", instance.dropped("auth_failure"));
            text.append("  Priority Zero:\n");
            line(text, 4, "Received", instance.priorityZeroReceived());
            line(text, 4, "Sent", instance.priorityZeroSent());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, int indent, String name, long value) {
        text.append(" ".repeat(indent)).append(name).append(": ").append(value).append('\n');
    }
}
