package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.InterfaceListener;

/**
 * Tells the running instances when their interface goes down or comes back, as keepalived does
 * for an instance's own interface: down takes the instance to FAULT, and with it its addresses.
 * Called on the VRRP loop.
 */
final class LinkStates implements InterfaceListener {

    private final RunningInstances instances;

    /** @param instances the instances to tell */
    LinkStates(RunningInstances instances) {
        this.instances = instances;
    }

    @Override
    public void interfaceChanged(InterfaceEvent event) {
        if (event instanceof InterfaceEvent.Snapshot snapshot) {
            snapshot.interfaces().all().forEach(state -> instances.linkState(state.name(), state.isUp()));
        } else if (event instanceof InterfaceEvent.LinkAdded added) {
            instances.linkState(added.link().name(), added.link().isUp());
        } else if (event instanceof InterfaceEvent.LinkUp up) {
            instances.linkState(up.link().name(), true);
        } else if (event instanceof InterfaceEvent.LinkDown down) {
            instances.linkState(down.link().name(), false);
        } else if (event instanceof InterfaceEvent.LinkRemoved removed) {
            instances.linkState(removed.link().name(), false);
        } else if (event instanceof InterfaceEvent.LinkChanged changed) {
            instances.linkState(changed.after().name(), changed.after().isUp());
        }
        // address events do not make an instance faulty
    }
}
