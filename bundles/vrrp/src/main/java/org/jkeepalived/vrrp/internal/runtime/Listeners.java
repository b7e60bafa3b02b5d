package org.jkeepalived.vrrp.internal.runtime;

import java.net.InetAddress;
import java.util.List;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * Tells several listeners in order: the addresses are set before the scripts and the sync group
 * hear of it. An instance may become master only if every one of them agrees.
 *
 * @param listeners the listeners, in order
 */
record Listeners(List<VirtualRouterListener> listeners) implements VirtualRouterListener {

    Listeners {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void addVirtualAddresses(VrrpSettings settings) {
        listeners.forEach(listener -> listener.addVirtualAddresses(settings));
    }

    @Override
    public void removeVirtualAddresses(VrrpSettings settings) {
        listeners.forEach(listener -> listener.removeVirtualAddresses(settings));
    }

    @Override
    public void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
        listeners.forEach(listener -> listener.stateChanged(settings, previous, current));
    }

    @Override
    public void lowerPriorityMasterSeen(VrrpSettings settings, InetAddress source, int priority) {
        listeners.forEach(listener -> listener.lowerPriorityMasterSeen(settings, source, priority));
    }

    @Override
    public boolean mayBecomeMaster(VrrpSettings settings) {
        return listeners.stream().allMatch(listener -> listener.mayBecomeMaster(settings));
    }
}
