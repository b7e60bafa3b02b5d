package org.jkeepalived.vrrp.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;

/**
 * The VRRP settings a configuration may set that the runtime does not carry out, each said once per
 * configuration, so that an operator who relies on one knows it is not there.
 */
final class UnappliedSettings {

    private UnappliedSettings() {
    }

    /**
     * @param config a configuration
     * @return a warning for each setting of it that is not applied, none when it sets none
     */
    static List<String> of(KeepalivedConfig config) {
        List<String> warnings = new ArrayList<>();
        for (VrrpInstance instance : config.vrrpInstances()) {
            Stream.concat(instance.virtualAddresses().stream(), instance.excludedAddresses().stream())
                    .filter(IpAddressEntry::useVmac)
                    .forEach(address -> warnings.add("(" + instance.name() + ") use_vmac of " + address.address()
                            + " is not applied: the address goes on its interface, not on a VMAC of it"));
        }
        return warnings;
    }
}
