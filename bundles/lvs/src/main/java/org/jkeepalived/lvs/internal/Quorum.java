package org.jkeepalived.lvs.internal;

import org.jkeepalived.config.api.model.lvs.VirtualServer;

/**
 * A virtual server's quorum, as keepalived keeps it: the live weight (the weights of its real
 * servers that are up) must reach {@code quorum}; it is lost below {@code quorum - hysteresis} and
 * gained again at {@code quorum + hysteresis}, so that one server flapping near the line does not
 * flap the service.
 */
final class Quorum {

    private Quorum() {
    }

    /**
     * @param server the virtual server
     * @param liveWeight the weight of its real servers that are up
     * @param wasUp whether it had its quorum
     * @return whether it has its quorum now
     */
    static boolean up(VirtualServer server, long liveWeight, boolean wasUp) {
        if (wasUp) {
            return liveWeight >= (long) server.quorum() - server.hysteresis();
        }
        return liveWeight >= (long) server.quorum() + server.hysteresis();
    }
}
