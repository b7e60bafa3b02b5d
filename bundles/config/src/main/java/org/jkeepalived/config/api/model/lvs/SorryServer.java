package org.jkeepalived.config.api.model.lvs;

import java.net.InetAddress;

/**
 * sorry_server: the server that takes the traffic while the quorum is lost.
 *
 * @param address its address
 * @param port its port (default the virtual server's)
 * @param method sorry_server_lvs_method (default the virtual server's)
 * @param inhibit sorry_server_inhibit: weight 0 instead of removal
 */
public record SorryServer(InetAddress address, int port, LvsMethod method, boolean inhibit) {
}
