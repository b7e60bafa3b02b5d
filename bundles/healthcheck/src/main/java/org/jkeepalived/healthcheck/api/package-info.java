/**
 * The health of real servers, as the health-checking engine sees it: the checker blocks of every
 * real_server of keepalived.conf run with keepalived's timers and rules, and each real server is up
 * only while every one of its checkers is up.
 *
 * <p>{@link org.jkeepalived.healthcheck.api.HealthService} answers what the health is now;
 * {@link org.jkeepalived.healthcheck.api.HealthListener}s, registered as OSGi services, are told of
 * every change in order. What a change means for the data plane (remove the real server, or keep it
 * with weight 0 under {@code inhibit_on_failure}; quorum; sorry server) is the data plane's decision.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.healthcheck.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
