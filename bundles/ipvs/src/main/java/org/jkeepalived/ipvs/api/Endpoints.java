package org.jkeepalived.ipvs.api;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses and ports as ipvsadm prints them: {@code 192.0.2.1:80}, {@code [2001:db8::1]:80}. */
final class Endpoints {

    private Endpoints() {
    }

    static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
