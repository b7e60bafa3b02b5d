package org.jkeepalived.vrrp.internal.runtime;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;
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
        VrrpGlobals globals = config.globalDefs().vrrp();
        for (VrrpInstance instance : config.vrrpInstances()) {
            if (instance.garp().extraInterfaces().isPresent()) {
                warnings.add("(" + instance.name() + ") garp_extra_if is not applied: addresses on other interfaces "
                        + "are announced when the instance becomes master, not again periodically");
            }
        }
        if (globals.dynamicInterfaces() != VrrpGlobals.DynamicInterfaces.NO) {
            warnings.add("dynamic_interfaces is not applied: an instance whose interface is missing is left out until a reload "
                    + "after the interface exists");
        }
        return warnings;
    }
}
