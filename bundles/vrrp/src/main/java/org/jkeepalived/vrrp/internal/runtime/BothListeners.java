package org.jkeepalived.vrrp.internal.runtime;

import java.net.InetAddress;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.instance.VirtualRouterListener;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/** Tells two listeners, the first one first: the addresses are set before the scripts hear of it. */
record BothListeners(VirtualRouterListener first, VirtualRouterListener second) implements VirtualRouterListener {

    @Override
    public void addVirtualAddresses(VrrpSettings settings) {
        first.addVirtualAddresses(settings);
        second.addVirtualAddresses(settings);
    }

    @Override
    public void removeVirtualAddresses(VrrpSettings settings) {
        first.removeVirtualAddresses(settings);
        second.removeVirtualAddresses(settings);
    }

    @Override
    public void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
        first.stateChanged(settings, previous, current);
        second.stateChanged(settings, previous, current);
    }

    @Override
    public void lowerPriorityMasterSeen(VrrpSettings settings, InetAddress source, int priority) {
        first.lowerPriorityMasterSeen(settings, source, priority);
        second.lowerPriorityMasterSeen(settings, source, priority);
    }
}
