package org.jkeepalived.checker.ping;

import java.time.Duration;
import java.util.Set;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code PING_CHECK}: the real server is up when it answers an ICMP echo request (ICMPv6 for an IPv6
 * server) within connect_timeout. It has no keywords of its own; using it may widen
 * {@code net.ipv4.ping_group_range} so that jkeepalived may open ping sockets, as in keepalived.
 */
@Component(service = CheckerFactory.class)
public final class PingCheckerFactory implements CheckerFactory {

    @Override
    public String keyword() {
        return "PING_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of();
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        return new PingCheckDefinition();
    }

    /** Every PING_CHECK checks the same way: all that differs is in the target. */
    record PingCheckDefinition() implements CheckerDefinition {

        @Override
        public Checker newChecker(CheckTarget target, CheckContext context) {
            return new PingChecker(target, (EventLoop) context.executor());
        }

        /** The checker ends its probe itself at connect_timeout. */
        @Override
        public Duration probeTimeout(CheckTarget target) {
            return target.connectTimeout().multipliedBy(2);
        }
    }
}
