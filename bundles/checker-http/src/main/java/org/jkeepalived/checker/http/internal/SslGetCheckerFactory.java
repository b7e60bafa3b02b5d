package org.jkeepalived.checker.http.internal;

import org.jkeepalived.checker.api.CheckerFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SSL_GET}: HTTP_GET over TLS, with {@code enable_sni} to send the virtual host as server
 * name. The server's certificate is not verified, as keepalived does not verify it.
 */
@Component(service = CheckerFactory.class)
public final class SslGetCheckerFactory extends HttpCheckerFactory {

    /** Creates the factory; it needs no activation. */
    public SslGetCheckerFactory() {
        super("SSL_GET", true);
    }
}
