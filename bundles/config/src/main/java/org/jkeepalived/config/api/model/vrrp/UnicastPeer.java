package org.jkeepalived.config.api.model.vrrp;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A peer of unicast_peer: {@code IP [min_ttl N] [max_ttl N]}.
 *
 * @param address the peer's address
 * @param minTtl min_ttl: adverts from the peer with a smaller TTL are dropped
 * @param maxTtl max_ttl: adverts from the peer with a larger TTL are dropped
 */
public record UnicastPeer(InetAddress address, Optional<Integer> minTtl, Optional<Integer> maxTtl) {
}
