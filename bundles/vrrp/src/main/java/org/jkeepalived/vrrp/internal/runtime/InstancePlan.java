package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.config.api.model.vrrp.NotifyScripts;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What one vrrp_instance of the configuration runs.
 *
 * @param settings its protocol settings
 * @param network the addresses, routes and rules it sets as master
 * @param notifyScripts its notify scripts
 * @param tracking what its tracked objects make of it
 * @param noAccept whether this host drops packets to its addresses while it is master: no_accept,
 *     unless it owns them (priority 255)
 */
record InstancePlan(VrrpSettings settings, NetworkEntries network, NotifyScripts notifyScripts,
        InstanceTracking tracking, boolean noAccept) {

    /**
     * @param other the instance's plan in another configuration
     * @return whether the instance carries on from this plan to the other, with its state and its
     *         addresses: nothing it speaks or its addresses differ (its routes, rules, scripts and
     *         tracking may)
     */
    boolean runsAs(InstancePlan other) {
        return other != null && settings.equals(other.settings) && network.addresses().equals(other.network.addresses());
    }

    /** @return the instance's name */
    String name() {
        return settings.name();
    }
}
