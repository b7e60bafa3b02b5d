package org.jkeepalived.checker.http.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.http.api.HttpProtocol;

/**
 * A bound HTTP_GET or SSL_GET block.
 *
 * @param tls whether this is SSL_GET
 * @param protocol http_protocol
 * @param virtualhost the block's virtualhost, the {@code Host} of urls without one of their own
 * @param enableSni enable_sni: send the virtual host as TLS server name
 * @param fastRecovery fast_recovery; jkeepalived checks every url in each probe, which is what it asks
 * @param tlsCompliant tls_compliant; jkeepalived always ends TLS with close_notify, as it asks
 * @param urls the url blocks, checked in order
 */
record HttpCheckDefinition(boolean tls, HttpProtocol protocol, Optional<String> virtualhost, boolean enableSni,
        boolean fastRecovery, boolean tlsCompliant, List<UrlCheck> urls) implements CheckerDefinition {

    /** Copies the list. */
    HttpCheckDefinition {
        urls = List.copyOf(urls);
    }

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new HttpChecker(this, target, (EventLoop) context.executor());
    }

    /**
     * Each url may take connect_timeout to connect, as much for the TLS handshake, and as much for
     * the server's first answer; its later silences are bounded by the checker itself.
     */
    @Override
    public Duration probeTimeout(CheckTarget target) {
        return target.connectTimeout().multipliedBy((tls ? 3L : 2L) * urls.size());
    }
}
