package org.jkeepalived.core.internal.loop;

import org.jkeepalived.core.api.loop.FdHandler;
import org.jkeepalived.core.api.loop.FdWatch;

/** A watched descriptor of an {@link EpollEventLoop}; its fields are owned by the loop's thread. */
final class FdWatchNode implements FdWatch {

    private final EpollEventLoop loop;
    private final int fd;
    final FdHandler handler;
    int events;
    /** Slot in the loop's table and a generation, so that a stale event of a reused slot is ignored. */
    long token = -1;
    boolean closed;

    FdWatchNode(EpollEventLoop loop, int fd, int events, FdHandler handler) {
        this.loop = loop;
        this.fd = fd;
        this.events = events;
        this.handler = handler;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public void events(int newEvents) {
        loop.runInLoop(() -> loop.changeEvents(this, newEvents));
    }

    @Override
    public void close() {
        loop.runInLoop(() -> loop.unwatch(this));
    }
}
