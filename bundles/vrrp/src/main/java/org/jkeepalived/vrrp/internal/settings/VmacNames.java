package org.jkeepalived.vrrp.internal.settings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jkeepalived.config.api.model.vrrp.Vmac;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;

/**
 * The names of the VMACs of one configuration, as keepalived gives them: the name use_vmac gives,
 * else {vmac_prefix}.{VRID} for the first instance of a VRID and {vmac_prefix}{N}.{VRID} with the
 * first free N from 1 for the others (an IPv4 and an IPv6 instance of one VRID have a VMAC each).
 */
public final class VmacNames {

    private final Map<String, String> byInstance = new HashMap<>();

    private VmacNames() {
    }

    /**
     * @param instances the vrrp_instances of a configuration, in its order
     * @param vmacPrefix vmac_prefix of global_defs
     * @return the names of their VMACs
     */
    public static VmacNames of(List<VrrpInstance> instances, String vmacPrefix) {
        VmacNames names = new VmacNames();
        Set<String> taken = new HashSet<>();
        // a given name is the instance's whatever comes before it
        instances.forEach(instance -> instance.vmac().flatMap(Vmac::interfaceName).ifPresent(taken::add));
        for (VrrpInstance instance : instances) {
            instance.vmac().ifPresent(vmac -> names.byInstance.put(instance.name(), vmac.interfaceName()
                    .orElseGet(() -> free(vmacPrefix, instance.virtualRouterId(), taken))));
        }
        return names;
    }

    private static String free(String prefix, int virtualRouterId, Set<String> taken) {
        String name = prefix + "." + virtualRouterId;
        for (int n = 1; !taken.add(name); n++) {
            name = prefix + n + "." + virtualRouterId;
        }
        return name;
    }

    /**
     * @param instance an instance with use_vmac of the configuration
     * @return the name of its VMAC
     * @throws IllegalArgumentException if it is not one
     */
    String of(VrrpInstance instance) {
        String name = byInstance.get(instance.name());
        if (name == null) {
            throw new IllegalArgumentException("(" + instance.name() + ") has no VMAC in this configuration");
        }
        return name;
    }
}
