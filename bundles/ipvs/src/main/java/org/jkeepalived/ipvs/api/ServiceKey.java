package org.jkeepalived.ipvs.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What identifies a virtual service in IPVS: protocol, address and port, or a firewall mark and an
 * address family. A service's attributes can change ({@link DataPlane#setService}); its key cannot.
 */
public sealed interface ServiceKey {

    /** @return the address family of the service */
    AddressFamily family();

    /**
     * A service of an address and a port: {@code virtual_server IP PORT}.
     *
     * @param protocol TCP, UDP or SCTP
     * @param address the virtual address
     * @param port the port, 1 to 65535, or 0 for a persistent service of every port
     */
    record Inet(IpProtocol protocol, InetAddress address, int port) implements ServiceKey {
        public Inet {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            Ports.check(port, "virtual service port");
        }

        @Override
        public AddressFamily family() {
            return AddressFamily.of(address);
        }

        @Override
        public String toString() {
            return protocol.name() + " " + Endpoints.format(address, port);
        }
    }

    /**
     * A service of the packets that carry a firewall mark: {@code virtual_server fwmark N}.
     *
     * @param mark the firewall mark, not 0
     * @param family the family of the packets it takes
     */
    record Fwmark(int mark, AddressFamily family) implements ServiceKey {
        public Fwmark {
            if (mark == 0) {
                throw new IllegalArgumentException("firewall mark 0 marks no packet");
            }
            Objects.requireNonNull(family, "family");
        }

        @Override
        public String toString() {
            return "FWM " + Integer.toUnsignedString(mark) + (family == AddressFamily.INET6 ? " IPv6" : "");
        }
    }
}
