package org.jkeepalived.config.internal.bind;

import java.net.Inet6Address;
import java.time.Duration;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.VrrpState;

/**
 * What strict_mode (vrrp_strict) holds an instance to, as keepalived does: what RFC 3768 and RFC 5798
 * have no place for either makes the instance invalid (unicast peers, no virtual address) or is
 * turned off with a warning that says so; an address owner also ignores adverts, since no other
 * router can win against it.
 */
final class StrictMode {

    private StrictMode() {
    }

    /**
     * Applies the rules to an instance read with strict_mode on.
     *
     * @param d the instance as read; settings the rules turn off are changed in it
     * @param family the family of its addresses
     * @param version its VRRP version
     * @param owner whether it owns its addresses (priority 255, given or taken from state MASTER)
     * @param where the instance, for messages
     * @param context where messages go
     * @return false if the instance cannot run in strict mode
     */
    static boolean enforce(VrrpInstanceBinder.Draft d, IpFamily family, int version, boolean owner, String where,
            BindContext context) {
        String strict = where + ": strict_mode ";
        boolean valid = true;
        if (!d.unicastPeers.isEmpty()) {
            context.error(d.unicastPeers.get(0).location(), strict + "does not allow unicast_peer: VRRP adverts go to the "
                    + "multicast group");
            valid = false;
        }
        if (d.virtualAddresses.isEmpty()) {
            context.error(d.location, strict + "needs at least one address in virtual_ipaddress");
            valid = false;
        } else if (family == IpFamily.INET6 && d.unicastPeers.isEmpty()
                && !(d.virtualAddresses.get(0).value().address().address() instanceof Inet6Address first
                        && first.isLinkLocalAddress())) {
            context.warning(d.virtualAddresses.get(0).location(), strict + "expects the first IPv6 virtual address to be "
                    + "link-local (RFC 5798 section 5.2.9)");
        }
        if (d.authentication != null) {
            context.warning(d.authenticationLocation, strict + "does not allow authentication; adverts go unauthenticated");
            d.authentication = null;
        }
        if (d.state != null && (d.state == VrrpState.MASTER) != owner) {
            VrrpState state = owner ? VrrpState.MASTER : VrrpState.BACKUP;
            context.warning(d.location, strict + "starts only the address owner (priority 255) as MASTER; state is " + state);
            d.state = state;
        }
        if (owner) {
            d.ownerIgnoreAdverts = true;
        }
        if (!d.preemptDelay.isZero()) {
            context.warning(d.location, strict + "does not allow preempt_delay; preempting at once");
            d.preemptDelay = Duration.ZERO;
        }
        if (Boolean.TRUE.equals(d.accept) && version == 2 && !owner) {
            context.warning(d.location, strict + "does not allow accept in VRRPv2 (RFC 3768) but for the address owner; "
                    + "no_accept");
            d.accept = false;
        }
        if ((d.garpLowerPrioRepeat != null && d.garpLowerPrioRepeat != 0)
                || (d.garpLowerPrioDelay != null && !d.garpLowerPrioDelay.isZero())) {
            context.warning(d.location, strict + "sends no gratuitous ARP after a lower priority advert; "
                    + "garp_lower_prio_repeat and garp_lower_prio_delay are ignored");
        }
        d.garpLowerPrioRepeat = 0;
        d.garpLowerPrioDelay = Duration.ZERO;
        if (Boolean.FALSE.equals(d.lowerPrioNoAdvert)) {
            context.warning(d.location, strict + "sends no advert in answer to a lower priority; lower_prio_no_advert is on");
        }
        d.lowerPrioNoAdvert = true;
        if (Boolean.TRUE.equals(d.higherPrioSendAdvert)) {
            context.warning(d.location, strict + "does not allow higher_prio_send_advert; it is off");
        }
        d.higherPrioSendAdvert = false;
        if (d.vmacXmitBase) {
            context.warning(d.location, strict + "sends adverts from the VMAC; vmac_xmit_base is ignored");
            d.vmacXmitBase = false;
        }
        return valid;
    }
}
