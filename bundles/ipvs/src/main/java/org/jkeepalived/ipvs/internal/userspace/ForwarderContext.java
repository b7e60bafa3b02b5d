package org.jkeepalived.ipvs.internal.userspace;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;

import org.jkeepalived.ipvs.api.Timeouts;

/**
 * What the forwarders of every service share: the control loop, which owns every table, schedules
 * and accepts, the loops that carry the traffic, and the connection timeouts.
 */
final class ForwarderContext {

    private final EventLoop control;
    private final EventLoopGroup workers;
    private Timeouts timeouts = Timeouts.DEFAULTS;

    ForwarderContext(EventLoop control, EventLoopGroup workers) {
        this.control = control;
        this.workers = workers;
    }

    EventLoop control() {
        return control;
    }

    EventLoopGroup workers() {
        return workers;
    }

    /** @return the timeouts; read on the control loop */
    Timeouts timeouts() {
        return timeouts;
    }

    void timeouts(Timeouts updated) {
        timeouts = updated;
    }
}
