package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.InterfaceListener;

/**
 * Tells the running instances when their interface goes down, comes back, is deleted or gets an
 * address, as keepalived does for an instance's own interface: down takes the instance to FAULT,
 * and with it its addresses. Called on the VRRP loop.
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
            instances.linkRemoved(removed.link().name());
        } else if (event instanceof InterfaceEvent.LinkChanged changed) {
            instances.linkState(changed.after().name(), changed.after().isUp());
        } else if (event instanceof InterfaceEvent.AddressAdded) {
            // an instance waiting for an address to send from may start; addresses make none faulty
            instances.addressAdded();
        }
    }
}
