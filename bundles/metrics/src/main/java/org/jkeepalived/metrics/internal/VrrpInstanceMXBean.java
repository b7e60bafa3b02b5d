package org.jkeepalived.metrics.internal;

import java.util.Map;

/**
 * A VRRP instance in JMX, {@code org.jkeepalived:type=VrrpInstance,name="VI_1"}: the numbers the
 * Prometheus endpoint gives under {@code keepalived_vrrp_*} and the advertisement counters.
 */
public interface VrrpInstanceMXBean {

    /** @return MASTER, BACKUP, FAULT or INIT */
    String getState();

    /** @return the configured priority */
    int getPriority();

    /** @return the priority advertised, after tracking */
    int getEffectivePriority();

    /** @return advertisements accepted */
    long getAdvertisementsReceived();

    /** @return advertisements sent */
    long getAdvertisementsSent();

    /** @return transitions to MASTER */
    long getBecameMaster();

    /** @return transitions out of MASTER */
    long getReleasedMaster();

    /** @return received packets dropped, by reason */
    Map<String, Long> getDroppedPackets();
}
