package org.jkeepalived.checker.tcp;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.sockets.CheckerSockets;

/**
 * A bound TCP_CHECK. It has no settings of its own: every TCP_CHECK block checks the same way, and
 * all that differs is in the target. On an epoll checker loop it connects with a socket of its own;
 * on any other (NIO, where Netty has no native transport) through a channel.
 */
record TcpCheckDefinition() implements CheckerDefinition {

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        EventLoop loop = (EventLoop) context.executor();
        if (CheckerSockets.isEpoll(loop)) {
            return new EpollTcpChecker(target, (IoEventLoop) loop);
        }
        return new TcpChecker(target, loop);
    }
}
