package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * disable_local_igmp: the kernel stops reporting its memberships of the groups of 224.0.0.0/24
 * (igmp_link_local_mcast_reports, a setting of each network namespace). Switches flood those groups
 * to every port anyway (RFC 4541), and a report sent from a VMAC shows its address on the base
 * interface's port. As keepalived does, the first
 * configuration decides: the setting is turned off if it was on, and turned back on as VRRP stops;
 * a reload cannot change it. The setting is the calling thread's network namespace's; used on the
 * VRRP loop only.
 */
final class LocalIgmpReports {

    private static final Logger LOG = LoggerFactory.getLogger(LocalIgmpReports.class);
    private static final Path SETTING = Path.of("/proc/sys/net/ipv4/igmp_link_local_mcast_reports");
    private static final String ON = "1";
    private static final String OFF = "0";

    private Boolean disabled;
    private boolean turnedOff;

    /** @param disable whether the running configuration sets disable_local_igmp */
    void configure(boolean disable) {
        if (disabled != null) {
            if (disable != disabled) {
                LOG.warn("disable_local_igmp changes at a restart only, not at a reload: reports of local groups stay {}",
                        disabled ? "off" : "on");
            }
            return;
        }
        disabled = disable;
        if (!disable) {
            return;
        }
        try {
            if (Files.readString(SETTING).trim().equals(ON)) {
                Files.writeString(SETTING, OFF);
                turnedOff = true;
                LOG.info("disable_local_igmp: {} set to {} until VRRP stops", SETTING, OFF);
            }
        } catch (IOException e) {
            LOG.warn("disable_local_igmp is not applied: cannot set {} to {}: {}", SETTING, OFF, e.getMessage());
        }
    }

    /** Turns the reports back on if {@link #configure} turned them off. */
    void restore() {
        if (!turnedOff) {
            return;
        }
        try {
            Files.writeString(SETTING, ON);
            turnedOff = false;
        } catch (IOException e) {
            LOG.warn("cannot set {} back to {}: {}", SETTING, ON, e.getMessage());
        }
    }
}
