package org.jkeepalived.checker.smtp;

import java.time.Duration;
import java.util.List;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound SMTP_CHECK block.
 *
 * @param heloName helo_name
 * @param hosts the host blocks; none checks the real server (or connect_ip and connect_port)
 */
record SmtpCheckDefinition(String heloName, List<SmtpHost> hosts) implements CheckerDefinition {

    /** keepalived's HELO name when helo_name is not given. */
    static final String DEFAULT_HELO_NAME = "smtpchecker.keepalived.org";

    /** Steps a dialogue may wait connect_timeout for: connect, greeting, HELO, QUIT. */
    private static final int STEPS = 4;

    /** Copies the hosts. */
    SmtpCheckDefinition {
        hosts = List.copyOf(hosts);
    }

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new SmtpChecker(targets(target), heloName, (EventLoop) context.executor());
    }

    @Override
    public Duration probeTimeout(CheckTarget target) {
        return targets(target).stream().map(host -> host.connectTimeout().multipliedBy(STEPS)).reduce(Duration.ZERO, Duration::plus);
    }

    /** @return the servers to check, in order */
    List<CheckTarget> targets(CheckTarget target) {
        return hosts.isEmpty() ? List.of(target) : hosts.stream().map(host -> host.over(target)).toList();
    }
}
