package org.jkeepalived.vrrp.internal.settings;

import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.MacAddress;
import org.jkeepalived.config.api.model.vrrp.Vmac;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * use_vmac: the macvlan interface an instance makes on its interface, which carries the virtual
 * router MAC address, its virtual addresses and, unless vmac_xmit_base, its adverts.
 *
 * @param interfaceName the macvlan's name: the one given to use_vmac, else one {@link VmacNames} makes
 * @param address its MAC address: 00-00-5E-00-01-{VRID}, or 00-00-5E-00-02-{VRID} for IPv6 (RFC 5798 section 7.3)
 * @param transmitOnBase vmac_xmit_base: adverts go out on the base interface, with its MAC address
 */
public record VirtualMac(String interfaceName, MacAddress address, boolean transmitOnBase) {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualMac.class);

    /** The OUI prefix of the virtual router MAC addresses: 00-00-5E-00. */
    private static final long VRRP_PREFIX = 0x00005e000000L;

    /**
     * @param instance a vrrp_instance
     * @param names the names of the VMACs of its configuration
     * @return its VMAC, if it has use_vmac
     */
    public static Optional<VirtualMac> of(VrrpInstance instance, VmacNames names) {
        instance.vmac().ifPresent(vmac -> warnOfWhatIsNotApplied(instance.name(), vmac));
        return instance.vmac().map(vmac -> new VirtualMac(names.of(instance),
                vmac.address().orElse(routerAddress(instance.family(), instance.virtualRouterId())),
                vmac.xmitBase() || transmitOnBaseForUnicast(instance)));
    }

    private static void warnOfWhatIsNotApplied(String instance, Vmac vmac) {
        if (vmac.group().isPresent()) {
            LOG.warn("({}) use_vmac group {} is not applied: the VMAC is made in link group 0", instance, vmac.group().get());
        }
        if (vmac.netlinkNotify()) {
            LOG.warn("({}) use_vmac netlink_notify_msg is not applied", instance);
        }
        if (vmac.useVmacAddr()) {
            LOG.warn("({}) use_vmac_addr is not applied: addresses on other interfaces get no VMAC", instance);
        }
    }

    /** Unicast adverts go out on the base interface, which owns the source address (keepalived.conf(5) use_vmac NOTE 2). */
    private static boolean transmitOnBaseForUnicast(VrrpInstance instance) {
        if (instance.unicastPeers().isEmpty() || instance.vmac().orElseThrow().xmitBase()) {
            return false;
        }
        LOG.warn("({}) use_vmac with unicast_peer needs vmac_xmit_base; adverts go out on {}", instance.name(),
                instance.interfaceName().orElse("the base interface"));
        return true;
    }

    /**
     * @param family the instance's family
     * @param virtualRouterId its VRID
     * @return the virtual router MAC address of RFC 5798 section 7.3
     */
    public static MacAddress routerAddress(IpFamily family, int virtualRouterId) {
        return new MacAddress(VRRP_PREFIX | (family == IpFamily.INET ? 0x100 : 0x200) | virtualRouterId);
    }
}
