package org.jkeepalived.checker.api;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The bound, immutable form of one checker block: what to check and how, for any target.
 *
 * <p>Implementations must be value objects: {@link Object#equals} and {@link Object#hashCode} compare
 * every setting. On reload the engine compares the old and the new definition of each real server;
 * when they are equal the running checker and the real server's health are kept.
 */
@ConsumerType
public interface CheckerDefinition {

    /**
     * Creates the checker of one real server. Called on the checker loop given by {@code context}.
     *
     * @param target what to check: address, port, source and connect timeout
     * @param context the services of the engine that the checker may use
     * @return a new checker, owned by the engine until it is closed
     */
    Checker newChecker(CheckTarget target, CheckContext context);

    /**
     * How long one probe may take before the engine cancels it and counts it as failed. keepalived
     * bounds a whole network check (connect, request, reply) by {@code connect_timeout}, which is
     * the default; a checker with a time budget of its own, such as {@code misc_timeout}, returns it.
     *
     * @param target the target of the probe
     * @return the time budget of one probe, positive
     */
    default Duration probeTimeout(CheckTarget target) {
        return target.connectTimeout();
    }
}
