package org.jkeepalived.checker.udp;

import java.time.Duration;
import java.util.Optional;

import io.netty.channel.EventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound UDP_CHECK block.
 *
 * @param payload the datagram to send; random bytes when not given
 * @param requireReply whether a reply is needed
 * @param reply what the reply must start with, if given
 * @param minReplyLength the shortest reply accepted
 * @param maxReplyLength the longest reply accepted
 */
record UdpCheckDefinition(Optional<HexPattern> payload, boolean requireReply, Optional<HexPattern> reply,
        int minReplyLength, int maxReplyLength) implements CheckerDefinition {

    /** keepalived's bounds of a reply: any length up to 255 bytes. */
    static final int DEFAULT_MIN_REPLY_LENGTH = 0;
    static final int DEFAULT_MAX_REPLY_LENGTH = 255;

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new UdpChecker(this, target, (EventLoop) context.executor());
    }

    /** The checker ends its own probe at connect_timeout, with success when no reply is needed. */
    @Override
    public Duration probeTimeout(CheckTarget target) {
        return target.connectTimeout().multipliedBy(2);
    }
}
