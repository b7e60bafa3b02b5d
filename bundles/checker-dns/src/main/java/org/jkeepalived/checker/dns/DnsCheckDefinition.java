package org.jkeepalived.checker.dns;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.dns.DnsRecordType;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound DNS_CHECK block.
 *
 * @param type the query type, one of {@link DnsCheckerFactory#TYPES}
 * @param name the name to query, {@code .} for the root
 */
record DnsCheckDefinition(String type, String name) implements CheckerDefinition {

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new DnsChecker(target, (EventLoop) context.executor(), DnsRecordType.valueOf(type), name);
    }
}
