package org.jkeepalived.vrrp.internal.instance;

import java.net.InetAddress;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * What the owner of a {@link VirtualRouter} does when it changes: set and remove the virtual
 * addresses (with routes and rules), run notify scripts. Called on the router's event loop; must not
 * block it for long, since adverts wait meanwhile.
 */
public interface VirtualRouterListener {

    /**
     * The instance became master: add its virtual addresses. The router announces them (gratuitous
     * ARP, unsolicited NA) as soon as this returns.
     *
     * @param settings the instance
     */
    default void addVirtualAddresses(VrrpSettings settings) {
    }

    /**
     * The instance stopped being master (backup, fault or shutdown): remove its virtual addresses.
     *
     * @param settings the instance
     */
    default void removeVirtualAddresses(VrrpSettings settings) {
    }

    /**
     * @param settings the instance
     * @param previous the state it left
     * @param current the state it entered
     */
    default void stateChanged(VrrpSettings settings, VrrpState previous, VrrpState current) {
    }

    /**
     * The master saw a lower priority advert: another router thinks it is master (keepalived's
     * notify_master_rx_lower_pri).
     *
     * @param settings the instance
     * @param source the other router
     * @param priority its priority
     */
    default void lowerPriorityMasterSeen(VrrpSettings settings, InetAddress source, int priority) {
    }

    /**
     * The instance's Master_Down_Timer expired: may it become master? Not while another member of
     * its sync group hears a master.
     *
     * @param settings the instance
     * @return whether it may
     */
    default boolean mayBecomeMaster(VrrpSettings settings) {
        return true;
    }
}
