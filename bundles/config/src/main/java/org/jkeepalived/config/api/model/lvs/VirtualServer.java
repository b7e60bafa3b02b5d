package org.jkeepalived.config.api.model.lvs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.config.api.model.net.IpFamily;

/**
 * virtual_server: an IPVS service and its real servers.
 *
 * @param address what it serves: an address and port, a firewall mark or a group
 * @param protocol protocol; empty for a service of firewall marks only, which takes any protocol;
 *                 UDP when an address is served and none is given, as the kernel does
 * @param scheduler lvs_sched (or lb_algo) (default wlc)
 * @param schedulerFlags flag-1, flag-2, flag-3 and their sh-/mh- names
 * @param onePacketScheduling ops: each UDP datagram is scheduled on its own
 * @param method lvs_method (or lb_kind) (default NAT)
 * @param persistenceTimeout persistence_timeout, if the service is persistent (360 s when given without value)
 * @param persistenceGranularity persistence_granularity, as a prefix length
 * @param persistenceEngine persistence_engine, such as {@code sip}
 * @param haSuspend ha_suspend: no checks while the virtual address is not on this host
 * @param smtpAlert smtp_alert, with the global defaults applied
 * @param virtualhost virtualhost: the default for HTTP checkers
 * @param alpha alpha: real servers start as down
 * @param omega omega: quorum_down and notify_down run when jkeepalived stops
 * @param quorum quorum: the live weight the service needs (default 1)
 * @param hysteresis hysteresis: the margin around the quorum (default 0)
 * @param quorumUp quorum_up
 * @param quorumDown quorum_down
 * @param ipFamily ip_family: for a fwmark service whose real servers are all tunnelled
 * @param sorryServer sorry_server
 * @param inhibitOnFailure inhibit_on_failure: the default of its real servers
 * @param realServers its real servers, in the order written
 */
public record VirtualServer(
        VirtualServerAddress address,
        Optional<Protocol> protocol,
        Scheduler scheduler,
        Set<SchedulerFlag> schedulerFlags,
        boolean onePacketScheduling,
        LvsMethod method,
        Optional<Duration> persistenceTimeout,
        Optional<Integer> persistenceGranularity,
        Optional<String> persistenceEngine,
        boolean haSuspend,
        boolean smtpAlert,
        Optional<String> virtualhost,
        boolean alpha,
        boolean omega,
        int quorum,
        int hysteresis,
        Optional<Script> quorumUp,
        Optional<Script> quorumDown,
        Optional<IpFamily> ipFamily,
        Optional<SorryServer> sorryServer,
        boolean inhibitOnFailure,
        List<RealServer> realServers) {

    public VirtualServer {
        schedulerFlags = Set.copyOf(schedulerFlags);
        realServers = List.copyOf(realServers);
    }

    /** @return a name for logs, as keepalived prints it: {@code [192.0.2.1]:tcp:80}, {@code FWM 5} */
    public String displayName() {
        if (address instanceof VirtualServerAddress.Ip ip) {
            return "[" + IpAddresses.format(ip.address()) + "]:" + protocol.map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                    .orElse("none") + ":" + ip.port();
        }
        return address.toString();
    }

    @Override
    public String toString() {
        return "virtual_server " + displayName();
    }
}
