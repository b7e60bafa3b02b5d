package org.jkeepalived.checker.http.internal;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * The TLS client context of SSL_GET. Like keepalived's context made without an SSL block, it does
 * not verify the server's certificate: the check is about the service answering, and real servers
 * are usually reached by address with certificates made for the virtual server's name.
 */
final class ClientTls {

    private static final SslContext CONTEXT = build();

    private ClientTls() {
    }

    /** @return the shared context */
    static SslContext context() {
        return CONTEXT;
    }

    private static SslContext build() {
        try {
            return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        } catch (SSLException e) {
            throw new IllegalStateException("the JDK's TLS client cannot be set up", e);
        }
    }
}
