package org.jkeepalived.lvs.internal;

import java.util.Optional;

import org.jkeepalived.config.api.model.lvs.LvsGlobals;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Timeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What global_defs sets in the data plane as a whole: lvs_flush empties it once, before the first
 * configuration's services go in; lvs_timeouts sets the connection timeouts it gives, keeping the
 * data plane's own for those it leaves out, on every configuration that changes them.
 */
final class DataPlaneGlobals {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneGlobals.class);

    private final DataPlane plane;
    private boolean started;
    private Optional<LvsGlobals> applied = Optional.empty();

    DataPlaneGlobals(DataPlane plane) {
        this.plane = plane;
    }

    /** @param lvs the global settings of the configuration applied now */
    void apply(LvsGlobals lvs) {
        if (!started) {
            started = true;
            if (lvs.flush()) {
                flush();
            }
        }
        boolean timeoutsChanged = applied.map(previous -> !previous.tcpTimeout().equals(lvs.tcpTimeout())
                || !previous.tcpFinTimeout().equals(lvs.tcpFinTimeout()) || !previous.udpTimeout().equals(lvs.udpTimeout()))
                .orElse(true);
        applied = Optional.of(lvs);
        if (timeoutsChanged && (lvs.tcpTimeout().isPresent() || lvs.tcpFinTimeout().isPresent() || lvs.udpTimeout().isPresent())) {
            setTimeouts(lvs);
        }
    }

    private void flush() {
        try {
            plane.flush();
            LOG.info("lvs_flush: every virtual server of the data plane removed before the configuration's go in");
        } catch (DataPlaneException e) {
            LOG.error("lvs_flush: cannot empty the data plane: {}", e.getMessage());
        }
    }

    private void setTimeouts(LvsGlobals lvs) {
        try {
            Timeouts current = plane.timeouts();
            Timeouts wanted = new Timeouts(lvs.tcpTimeout().orElse(current.tcp()), lvs.tcpFinTimeout().orElse(current.tcpFin()),
                    lvs.udpTimeout().orElse(current.udp()));
            plane.setTimeouts(wanted);
            LOG.info("lvs_timeouts: tcp {} s, tcpfin {} s, udp {} s", wanted.tcp().toSeconds(), wanted.tcpFin().toSeconds(),
                    wanted.udp().toSeconds());
        } catch (DataPlaneException | IllegalArgumentException e) {
            LOG.error("lvs_timeouts: cannot set the data plane's timeouts: {}", e.getMessage());
        }
    }
}
