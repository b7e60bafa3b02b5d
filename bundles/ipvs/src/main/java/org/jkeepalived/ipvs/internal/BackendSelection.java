package org.jkeepalived.ipvs.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.jkeepalived.ipvs.api.Backend;

/**
 * Which data plane runs, from the {@code jkeepalived.dataplane} framework property: {@code kernel},
 * {@code userspace} or {@code auto} (the default): the kernel's IPVS where it answers and jkeepalived
 * has its backend, else the userspace forwarder. The one place that decides it.
 */
final class BackendSelection {

    /** The framework property that names the backend. */
    static final String PROPERTY = "jkeepalived.dataplane";
    /** Where the kernel shows IPVS once its module is loaded. */
    static final Path KERNEL_IPVS = Path.of("/proc/net/ip_vs");

    private BackendSelection() {
    }

    /**
     * @param backend the backend chosen
     * @param reason why, for the log
     */
    record Choice(Backend backend, String reason) {
    }

    /**
     * @return whether the running kernel has IPVS loaded
     */
    static boolean kernelHasIpvs() {
        return Files.exists(KERNEL_IPVS);
    }

    /**
     * @param configured the property's value, null when unset
     * @param kernelHasIpvs whether the kernel has IPVS
     * @param built the backends this jkeepalived has
     * @return the backend to run and why
     * @throws IllegalArgumentException naming the property if its value is unknown or cannot be had
     */
    static Choice choose(String configured, boolean kernelHasIpvs, Set<Backend> built) {
        String value = configured == null || configured.isBlank() ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        if (value.equals("auto")) {
            if (kernelHasIpvs && built.contains(Backend.KERNEL)) {
                return new Choice(Backend.KERNEL, PROPERTY + "=auto and the kernel has IPVS");
            }
            String why = !kernelHasIpvs
                    ? "the kernel has no IPVS (" + KERNEL_IPVS + " is missing: no ip_vs module, or a container)"
                    : "the kernel has IPVS, but this jkeepalived has no kernel backend";
            return new Choice(Backend.USERSPACE, PROPERTY + "=auto and " + why
                    + "; virtual services are proxied in user space, and real servers see connections come from this host");
        }
        Backend backend = Backend.byConfigName(value).orElseThrow(() -> new IllegalArgumentException(
                PROPERTY + "=" + configured + " is not a data plane: use kernel, userspace or auto"));
        if (!built.contains(backend)) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + ": this jkeepalived has no " + value
                    + " backend; use " + String.join(" or ", built.stream().map(Backend::configName).sorted().toList()) + " or auto");
        }
        if (backend == Backend.KERNEL && !kernelHasIpvs) {
            throw new IllegalArgumentException(PROPERTY + "=kernel, but the kernel has no IPVS (" + KERNEL_IPVS
                    + " is missing): load the ip_vs module, or use userspace or auto");
        }
        return new Choice(backend, PROPERTY + "=" + value);
    }
}
