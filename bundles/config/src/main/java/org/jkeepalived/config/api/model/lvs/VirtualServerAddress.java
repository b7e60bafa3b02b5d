package org.jkeepalived.config.api.model.lvs;

import java.net.InetAddress;

import org.jkeepalived.config.api.model.net.IpAddresses;

/**
 * What a virtual_server names: {@code IP [PORT]}, {@code fwmark N} or {@code group NAME}.
 */
public sealed interface VirtualServerAddress {

    /**
     * {@code virtual_server IP [PORT]}.
     *
     * @param address the virtual address
     * @param port the port, 0 when omitted (only for a persistent service)
     */
    record Ip(InetAddress address, int port) implements VirtualServerAddress {
        @Override
        public String toString() {
            return "[" + IpAddresses.format(address) + "]:" + port;
        }
    }

    /**
     * {@code virtual_server fwmark N}.
     *
     * @param mark the firewall mark
     */
    record Fwmark(long mark) implements VirtualServerAddress {
        @Override
        public String toString() {
            return "FWM " + mark;
        }
    }

    /**
     * {@code virtual_server group NAME}.
     *
     * @param name the virtual_server_group
     */
    record Group(String name) implements VirtualServerAddress {
        @Override
        public String toString() {
            return "group " + name;
        }
    }
}
