package org.jkeepalived.checker.http.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import io.netty.handler.ssl.SslContext;
import org.jkeepalived.checker.http.api.HttpProtocol;

/**
 * One GET of one page, as keepalived sends it.
 *
 * @param server where to connect
 * @param source the local address and port to bind, if any (bindto, bind_port)
 * @param device the interface to bind, if any (bind_if)
 * @param fwmark the firewall mark of the connection, 0 for none
 * @param timeout how long connecting, the TLS handshake, and each wait for the server's next bytes may
 *                take (keepalived's connect_timeout); none waits for ever
 * @param path the path of the request line
 * @param host the {@code Host} header
 * @param protocol the HTTP version
 * @param tls the TLS context, for SSL_GET
 * @param serverName the TLS server name (SNI) to send, if any
 * @param keep how many bytes of the body to keep, for a regex
 */
record PageRequest(InetSocketAddress server, Optional<InetSocketAddress> source, Optional<String> device, int fwmark,
        Optional<Duration> timeout, String path, String host, HttpProtocol protocol, Optional<SslContext> tls,
        Optional<String> serverName, int keep) {
}
