package org.jkeepalived.config.api.model.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.net.IpAddresses;

/**
 * real_server: a server behind a virtual server, and how it is checked.
 *
 * @param address its address
 * @param port its port: the virtual server's when omitted, 0 for a fwmark service
 * @param weight weight (default 1)
 * @param method lvs_method (default the virtual server's)
 * @param notifyUp notify_up
 * @param notifyDown notify_down
 * @param upperThreshold uthreshold: the maximum connections, 0 for no limit
 * @param lowerThreshold lthreshold: the connections below which it takes new ones again
 * @param smtpAlert smtp_alert, with the global defaults applied (keepalived's default here is on)
 * @param virtualhost virtualhost for HTTP checkers (default the virtual server's)
 * @param alpha alpha: starts as down (default the virtual server's)
 * @param inhibitOnFailure inhibit_on_failure: weight 0 instead of removal when down (default the virtual server's)
 * @param checkers its checker blocks; with none, the server is always up
 */
public record RealServer(
        InetAddress address,
        int port,
        int weight,
        LvsMethod method,
        Optional<Script> notifyUp,
        Optional<Script> notifyDown,
        int upperThreshold,
        int lowerThreshold,
        boolean smtpAlert,
        Optional<String> virtualhost,
        boolean alpha,
        boolean inhibitOnFailure,
        List<CheckerBlock> checkers) {

    public RealServer {
        checkers = List.copyOf(checkers);
    }

    @Override
    public String toString() {
        return "[" + IpAddresses.format(address) + "]:" + port;
    }
}
