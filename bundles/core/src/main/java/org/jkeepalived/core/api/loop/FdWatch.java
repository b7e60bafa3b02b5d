package org.jkeepalived.core.api.loop;

import org.osgi.annotation.versioning.ProviderType;

/** A file descriptor watched by an {@link EventLoop}. */
@ProviderType
public interface FdWatch extends AutoCloseable {

    /** @return the file descriptor */
    int fd();

    /**
     * Changes the events watched for, for example adding {@link FdEvents#WRITABLE} while output is
     * queued.
     *
     * @param events a mask of {@link FdEvents#READABLE} and {@link FdEvents#WRITABLE}
     */
    void events(int events);

    /**
     * Stops watching; the descriptor stays open. Called on the loop's thread, the handler is not
     * called again once this returns; from another thread the request is posted to the loop, and the
     * handler may still run until the loop gets to it.
     */
    @Override
    void close();
}
