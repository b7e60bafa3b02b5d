package org.jkeepalived.checker.api;

import java.util.concurrent.ScheduledExecutorService;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the engine offers a checker: the loop it runs on and a name to log under.
 */
@ProviderType
public interface CheckContext {

    /**
     * The checker loop that calls this checker. Continuations of a probe may run here; they must be
     * as short as {@link Checker#check()} itself.
     *
     * <p>jkeepalived's checker loops are Netty event loops: a checker built on Netty may cast this
     * executor to {@code io.netty.channel.EventLoop} and register its channels there, so that its
     * I/O runs on the loop that calls it, without threads of its own.
     *
     * @return the executor of the checker loop; shutting it down is the engine's business
     */
    ScheduledExecutorService executor();

    /**
     * How the real server and checker are named in logs and alerts, for example
     * {@code [192.0.2.10]:tcp:80 HTTP_GET}.
     *
     * @return a short human-readable name
     */
    String name();
}
