package org.jkeepalived.ipvs.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The connection timeouts of the data plane ({@code IPVS_CMD_SET_CONFIG}, keepalived.conf's
 * lvs_timeouts, ipvsadm {@code --set}).
 *
 * @param tcp how long an established TCP connection may stay idle
 * @param tcpFin how long a TCP connection lingers once one side has closed it
 * @param udp how long a UDP flow lives after its last datagram
 */
public record Timeouts(Duration tcp, Duration tcpFin, Duration udp) {

    /** The kernel's defaults: 900 s, 120 s, 300 s. */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300));

    public Timeouts {
        for (Duration timeout : new Duration[] {tcp, tcpFin, udp}) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout " + timeout + " is not positive");
            }
        }
    }

    /** @return these timeouts with the UDP one replaced */
    public Timeouts withUdp(Duration udp) {
        return new Timeouts(tcp, tcpFin, udp);
    }

    /** @return these timeouts with the TCP ones replaced */
    public Timeouts withTcp(Duration tcp, Duration tcpFin) {
        return new Timeouts(tcp, tcpFin, udp);
    }
}
