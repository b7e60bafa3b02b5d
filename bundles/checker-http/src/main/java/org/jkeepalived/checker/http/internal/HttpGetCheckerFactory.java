package org.jkeepalived.checker.http.internal;

import org.jkeepalived.checker.api.CheckerFactory;
import org.osgi.service.component.annotations.Component;

/**
 * {@code HTTP_GET}: the real server is up when every {@code url} of the block answers a GET with an
 * accepted status code, and, where given, the body's MD5 {@code digest} and {@code regex}.
 */
@Component(service = CheckerFactory.class)
public final class HttpGetCheckerFactory extends HttpCheckerFactory {

    /** Creates the factory; it needs no activation. */
    public HttpGetCheckerFactory() {
        super("HTTP_GET", false);
    }
}
