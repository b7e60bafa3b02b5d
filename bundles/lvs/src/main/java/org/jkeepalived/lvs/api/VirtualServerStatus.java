package org.jkeepalived.lvs.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One virtual_server at one moment.
 *
 * @param name what it serves, as keepalived's logs print it: {@code [192.0.2.1]:tcp:80},
 *             {@code FWM 5} or {@code group web}
 * @param protocol its protocol in lower case ({@code tcp}, {@code udp}, {@code sctp}), or
 *                 {@code any} for a firewall-mark service of any protocol
 * @param scheduler lvs_sched (lb_algo) in lower case, as ipvsadm prints it
 * @param method lvs_method (lb_kind): {@code NAT}, {@code DR} or {@code TUN ...}
 * @param quorumUp whether the live weight of its real servers reaches its quorum
 * @param liveWeight the weight of its real servers that are up
 * @param quorum its quorum
 * @param hysteresis its hysteresis
 * @param sorryServer its sorry_server as {@code address:port}, if it has one
 * @param sorryServerInUse whether the sorry server takes the traffic, the quorum being lost
 * @param realServers its real servers, in the order written
 */
public record VirtualServerStatus(String name, String protocol, String scheduler, String method, boolean quorumUp,
        long liveWeight, int quorum, int hysteresis, Optional<String> sorryServer, boolean sorryServerInUse,
        List<RealServerStatus> realServers) {

    public VirtualServerStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sorryServer, "sorryServer");
        realServers = List.copyOf(realServers);
    }

    /** @return how many of its real servers are up */
    public long realServersUp() {
        return realServers.stream().filter(RealServerStatus::up).count();
    }
}
