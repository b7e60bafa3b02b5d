package org.jkeepalived.healthcheck.api;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.config.api.model.net.IpAddresses;

/**
 * Names one real server of one virtual server, as keepalived tells them apart: the virtual server by
 * what it serves (address and port, firewall mark or group) and its protocol, the real server by its
 * address and port. The same address under two virtual servers is two real servers, checked apart.
 *
 * @param virtualServer what the virtual server serves
 * @param protocol the virtual server's protocol; empty for a firewall-mark service of any protocol
 * @param address the real server's address
 * @param port the real server's port (0 for a firewall-mark service without one)
 */
public record RealServerKey(VirtualServerAddress virtualServer, Optional<Protocol> protocol, InetAddress address, int port) {

    public RealServerKey {
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * @param virtualServer a virtual_server of the configuration
     * @param realServer one of its real_server entries
     * @return the key of that real server
     */
    public static RealServerKey of(VirtualServer virtualServer, RealServer realServer) {
        return new RealServerKey(virtualServer.address(), virtualServer.protocol(), realServer.address(), realServer.port());
    }

    /**
     * @param virtualServer a virtual_server of the configuration
     * @return whether this key names one of its real servers
     */
    public boolean belongsTo(VirtualServer virtualServer) {
        return this.virtualServer.equals(virtualServer.address()) && protocol.equals(virtualServer.protocol());
    }

    /** @return the real server as keepalived's logs print it: {@code [192.0.2.10]:tcp:80} */
    public String realServerName() {
        return "[" + IpAddresses.format(address) + "]:" + protocol.map(p -> p.name().toLowerCase(Locale.ROOT) + ":").orElse("")
                + port;
    }

    /**
     * @return the virtual server as keepalived's logs print it: {@code [192.0.2.1]:tcp:80},
     *         {@code FWM 5} or {@code group web}
     */
    public String virtualServerName() {
        if (virtualServer instanceof VirtualServerAddress.Ip ip) {
            return "[" + IpAddresses.format(ip.address()) + "]:" + protocol.map(p -> p.name().toLowerCase(Locale.ROOT) + ":").orElse("")
                    + ip.port();
        }
        return virtualServer.toString();
    }

    @Override
    public String toString() {
        return realServerName() + " of VS " + virtualServerName();
    }
}
