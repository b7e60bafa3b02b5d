package org.jkeepalived.ipvs.internal.userspace;

/** The sockets that carry one service's traffic. */
interface Forwarder {

    /** Stops taking new connections and closes what must close with the service; on the control loop. */
    void close();
}
