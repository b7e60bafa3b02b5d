package org.jkeepalived.checker.tcp;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound TCP_CHECK. It has no settings of its own: every TCP_CHECK block checks the same way, and
 * all that differs is in the target.
 */
record TcpCheckDefinition() implements CheckerDefinition {

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new TcpChecker(target, (EventLoop) context.executor());
    }
}
