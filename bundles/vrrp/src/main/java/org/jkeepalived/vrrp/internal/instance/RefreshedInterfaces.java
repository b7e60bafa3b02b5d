package org.jkeepalived.vrrp.internal.instance;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.vrrp.internal.settings.VirtualMac;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * garp_extra_if: the interfaces of a master's addresses that are refreshed every interval, so that
 * switches keep their MAC addresses. The interface the adverts leave from is left out, as its
 * adverts keep it; of the others, only the instance's VMAC unless {@code all}, as keepalived does.
 */
final class RefreshedInterfaces {

    private RefreshedInterfaces() {
    }

    /**
     * @param settings the instance
     * @param interfaces the interfaces its addresses are on
     * @return those of them garp_extra_if refreshes, none without it
     */
    static Set<String> of(VrrpSettings settings, Collection<String> interfaces) {
        Optional<GarpSettings.ExtraInterfaces> extra = settings.garp().extraInterfaces();
        if (extra.isEmpty()) {
            return Set.of();
        }
        Optional<String> vmac = settings.vmac().map(VirtualMac::interfaceName);
        // vmac_xmit_base (or unicast) sends from the base interface; else a VMAC sends from itself
        Optional<String> advertInterface = settings.vmac().filter(virtualMac -> !virtualMac.transmitOnBase())
                .map(VirtualMac::interfaceName).or(settings::interfaceName);
        boolean all = extra.get().all();
        return interfaces.stream()
                .filter(name -> !advertInterface.equals(Optional.of(name)))
                .filter(name -> all || vmac.equals(Optional.of(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
