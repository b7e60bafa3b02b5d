package org.jkeepalived.checker.http.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What genhash fetches: one page of one server, the way HTTP_GET or SSL_GET would fetch it.
 *
 * @param server the server's address and port ({@code -s}, {@code -p})
 * @param path the path of the url ({@code -u})
 * @param tls whether to speak TLS ({@code -S}), as SSL_GET does
 * @param sni whether to send the virtual host as TLS server name ({@code -I})
 * @param virtualhost the {@code Host} header, instead of the server's address and port ({@code -V})
 * @param protocol the HTTP version ({@code -P})
 * @param timeout how long connecting and each read may wait ({@code -t}); none waits for ever, as keepalived's genhash
 * @param fwmark the firewall mark of the connection ({@code -m}), 0 for none
 * @param verbose whether to print the header and body as they arrive ({@code -v})
 */
public record GenhashRequest(InetSocketAddress server, String path, boolean tls, boolean sni,
        Optional<String> virtualhost, HttpProtocol protocol, Optional<Duration> timeout, int fwmark,
        boolean verbose) {

    /** Checks the values. */
    public GenhashRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(value -> {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
        });
    }
}
