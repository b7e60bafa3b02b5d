package org.jkeepalived.config.api.model.vrrp;

import java.util.Optional;

/**
 * use_vmac: the instance's macvlan interface with the virtual router MAC address
 * (RFC 5798 section 7.3: 00-00-5E-00-01-VRID for IPv4, 00-00-5E-00-02-VRID for IPv6).
 *
 * @param interfaceName the macvlan's name, if given (keepalived otherwise makes one from vmac_prefix)
 * @param address the MAC address, if given; a five-octet one is completed with the VRID
 * @param netlinkNotify netlink_notify_msg: announce the base interface after the macvlan is made
 * @param group group: the link group of the macvlan
 * @param xmitBase vmac_xmit_base: adverts go out and come in on the base interface
 * @param useVmacAddr use_vmac_addr: addresses on other interfaces get macvlans of their own
 */
public record Vmac(Optional<String> interfaceName, Optional<MacAddress> address, boolean netlinkNotify,
        Optional<String> group, boolean xmitBase, boolean useVmacAddr) {
}
