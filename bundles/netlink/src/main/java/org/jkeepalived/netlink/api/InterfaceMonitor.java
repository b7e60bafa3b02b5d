package org.jkeepalived.netlink.api;

import java.util.concurrent.Executor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Follows the kernel's link and address events (the netlink reflector) and keeps a model of the
 * interfaces of its network namespace, whoever changes them: {@code ip}, NetworkManager, a cable.
 * When the kernel drops events because they came faster than they were read ({@code ENOBUFS}), the
 * monitor reads everything again and reports the differences, so the model and the listeners never
 * stay wrong.
 */
@ProviderType
public interface InterfaceMonitor {

    /**
     * @return the model as of the last event processed; may be called from any thread
     */
    Interfaces interfaces();

    /**
     * Adds a listener. It first receives a {@link InterfaceEvent.Snapshot} of the model, then every
     * change, one at a time and in order, on {@code executor}, such as the event loop that owns the
     * listener's state.
     *
     * @param listener the listener
     * @param executor where to call it; it must run tasks one at a time in the order given, as an
     *     {@link org.jkeepalived.core.api.loop.EventLoop} does
     */
    void addListener(InterfaceListener listener, Executor executor);

    /**
     * Removes a listener; events already handed to its executor may still arrive.
     *
     * @param listener the listener
     */
    void removeListener(InterfaceListener listener);

    /** @return how many times the kernel dropped events and the model was read again */
    long overruns();
}
