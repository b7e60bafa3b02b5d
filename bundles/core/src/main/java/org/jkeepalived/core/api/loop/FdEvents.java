package org.jkeepalived.core.api.loop;

/** Readiness events of a watched file descriptor (the values of epoll's). */
public final class FdEvents {

    /** Data can be read, or the peer closed. */
    public static final int READABLE = 0x001;
    /** Data can be written without blocking. */
    public static final int WRITABLE = 0x004;
    /** An error is pending on the descriptor; always reported. */
    public static final int ERROR = 0x008;
    /** The descriptor was hung up; always reported. */
    public static final int HANGUP = 0x010;

    private FdEvents() {
    }
}
