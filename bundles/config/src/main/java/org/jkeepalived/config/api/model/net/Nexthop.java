package org.jkeepalived.config.api.model.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One path of a multipath route: {@code nexthop [via IP] [dev IF] [weight N] [onlink]}.
 *
 * @param via the gateway
 * @param device the interface
 * @param weight the weight, from 1 (default 1)
 * @param onlink onlink: the gateway is on the link even if no prefix says so
 */
public record Nexthop(Optional<InetAddress> via, Optional<String> device, int weight, boolean onlink) {
}
