package org.jkeepalived.vrrp.internal.runtime;

import java.util.List;

import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What one vrrp_instance of the configuration runs: equal plans in two configurations mean the
 * instance carries on through a reload, with its state and its addresses.
 *
 * @param settings its protocol settings
 * @param addresses the addresses it sets as master
 */
record InstancePlan(VrrpSettings settings, List<AddressSpec> addresses) {

    InstancePlan {
        addresses = List.copyOf(addresses);
    }

    /** @return the instance's name */
    String name() {
        return settings.name();
    }
}
