package org.jkeepalived.vrrp.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.core.api.event.ListenerThreads;
import org.jkeepalived.vrrp.api.VrrpListener;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;
import org.jkeepalived.vrrp.api.VrrpTransition.Scope;
import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * Tells the {@link VrrpListener}s of every change of state, each on its own thread, so that none
 * holds up the VRRP loop.
 */
final class Transitions implements VirtualRouterListener, AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final Clock clock;
    private final ListenerThreads<VrrpListener, VrrpTransition> listeners =
            new ListenerThreads<>("vrrp-listener", VrrpListener::stateChanged);

    /** @param clock when changes happen */
    Transitions(Clock clock) {
        this.clock = clock;
    }

    /** @param listener told of every change from now on */
    void add(VrrpListener listener) {
        listeners.add(listener, List::of);
    }

    /** @param listener told nothing more */
    void remove(VrrpListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
        listeners.publish(new VrrpTransition(Scope.INSTANCE, settings.name(), previous, current, settings.priority(),
                clock.instant()));
    }

    /**
     * @param group the sync group
     * @param previous the state it left, INITIALIZE if it had none
     * @param current the state its members entered; INITIALIZE when it stops
     */
    void groupChanged(String group, VrrpState previous, VrrpState current) {
        listeners.publish(new VrrpTransition(Scope.SYNC_GROUP, group, previous, current, 0, clock.instant()));
    }

    /** Lets listeners hear the last changes, those of stopping, for a moment; drops the rest. */
    @Override
    public void close() {
        listeners.close(SHUTDOWN_GRACE);
    }
}
