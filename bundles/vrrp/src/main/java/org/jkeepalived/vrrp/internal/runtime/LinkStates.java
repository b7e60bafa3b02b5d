package org.jkeepalived.vrrp.internal.runtime;

import java.util.HashMap;
import java.util.Map;

import org.jkeepalived.netlink.api.InterfaceEvent;
import org.jkeepalived.netlink.api.InterfaceListener;
import org.jkeepalived.netlink.api.Link;

/**
 * Tells the running instances and the static addresses what happens to the interfaces, as
 * keepalived does: an instance's own interface going down takes it to FAULT, and with it its
 * addresses; one deleted and made again restarts it; an address added may let a waiting instance
 * start; one of a master's addresses deleted takes it back to BACKUP to set it again, and a
 * static address deleted is set again. Called on the VRRP loop.
 */
final class LinkStates implements InterfaceListener {

    private final RunningInstances instances;
    private final StaticNetwork statics;
    /** The interfaces' names by index, for address events, which carry the index only. */
    private final Map<Integer, String> names = new HashMap<>();

    /**
     * @param instances the instances to tell
     * @param statics the static addresses, which are set again when deleted
     */
    LinkStates(RunningInstances instances, StaticNetwork statics) {
        this.instances = instances;
        this.statics = statics;
    }

    @Override
    public void interfaceChanged(InterfaceEvent event) {
        if (event instanceof InterfaceEvent.Snapshot snapshot) {
            snapshot.interfaces().all().forEach(state -> {
                named(state.link());
                instances.linkState(state.name(), state.isUp());
            });
        } else if (event instanceof InterfaceEvent.LinkAdded added) {
            named(added.link());
            instances.linkState(added.link().name(), added.link().isUp());
        } else if (event instanceof InterfaceEvent.LinkUp up) {
            instances.linkState(up.link().name(), true);
        } else if (event instanceof InterfaceEvent.LinkDown down) {
            instances.linkState(down.link().name(), false);
        } else if (event instanceof InterfaceEvent.LinkRemoved removed) {
            // its addresses were reported before it, under its name
            names.remove(removed.link().index());
            instances.linkRemoved(removed.link().name());
        } else if (event instanceof InterfaceEvent.LinkChanged changed) {
            named(changed.after());
            instances.linkState(changed.after().name(), changed.after().isUp());
        } else if (event instanceof InterfaceEvent.AddressAdded) {
            instances.addressAdded();
        } else if (event instanceof InterfaceEvent.AddressRemoved removed) {
            String name = names.get(removed.address().interfaceIndex());
            if (name != null) {
                instances.addressRemoved(name, removed.address());
                statics.addressRemoved(name, removed.address());
            }
        }
    }

    private void named(Link link) {
        names.put(link.index(), link.name());
    }
}
