package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;

import org.jkeepalived.config.api.model.vrrp.NotifyScripts;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What one vrrp_instance of the configuration runs.
 *
 * @param settings its protocol settings
 * @param addresses the addresses it sets as master
 * @param notifyScripts its notify scripts
 * @param tracking what its tracked objects make of it
 */
record InstancePlan(VrrpSettings settings, List<AddressSpec> addresses, NotifyScripts notifyScripts,
        InstanceTracking tracking) {

    InstancePlan {
        addresses = List.copyOf(addresses);
    }

    /**
     * @param other the instance's plan in another configuration
     * @return whether the instance carries on from this plan to the other, with its state and its
     *         addresses: nothing it speaks or sets differs (its scripts and tracking may)
     */
    boolean runsAs(InstancePlan other) {
        return other != null && settings.equals(other.settings) && addresses.equals(other.addresses);
    }

    /** @return the instance's name */
    String name() {
        return settings.name();
    }
}
