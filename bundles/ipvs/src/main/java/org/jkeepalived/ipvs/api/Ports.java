package org.jkeepalived.ipvs.api;

/** Range checks of port numbers. */
final class Ports {

    private Ports() {
    }

    static void check(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is not between 0 and 65535");
        }
    }
}
