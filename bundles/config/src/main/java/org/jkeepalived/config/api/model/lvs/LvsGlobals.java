package org.jkeepalived.config.api.model.lvs;

import java.time.Duration;
import java.util.Optional;

/**
 * The IPVS and health checking settings of global_defs.
 *
 * @param tcpTimeout lvs_timeouts tcp, if set (otherwise left as the kernel has it)
 * @param tcpFinTimeout lvs_timeouts tcpfin, if set
 * @param udpTimeout lvs_timeouts udp, if set
 * @param flush lvs_flush: remove every virtual server from IPVS at start
 * @param flushOnStop lvs_flush_on_stop
 * @param checkerLogAllFailures checker_log_all_failures: the default of every checker's log_all_failures
 * @param rsInitNotifies rs_init_notifies: notify the state of real servers at start
 */
public record LvsGlobals(
        Optional<Duration> tcpTimeout,
        Optional<Duration> tcpFinTimeout,
        Optional<Duration> udpTimeout,
        boolean flush,
        FlushOnStop flushOnStop,
        boolean checkerLogAllFailures,
        boolean rsInitNotifies) {


    /** lvs_flush_on_stop: how IPVS is cleaned up when jkeepalived stops. */
    public enum FlushOnStop {
        /** Each real server and virtual server is removed one by one (the default). */
        NO,
        /** lvs_flush_on_stop: the whole IPVS table is flushed. */
        ALL,
        /** lvs_flush_on_stop VS: each virtual server is removed, the kernel removes its real servers. */
        VIRTUAL_SERVERS
    }
}
