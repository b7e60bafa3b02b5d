package org.jkeepalived.ipvs.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import org.jkeepalived.ipvs.api.Backend;

/**
 * Which data plane runs, from the {@code jkeepalived.dataplane} framework property: {@code kernel},
 * {@code userspace} or {@code auto} (the default): the kernel's IPVS where it answers, else the
 * userspace forwarder. The one place that decides it.
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
     * What the kernel's IPVS did when it was asked for its version.
     *
     * @param answers whether it answered
     * @param description what it said of itself, or why it did not answer
     */
    record KernelIpvs(boolean answers, String description) {

        KernelIpvs {
            Objects.requireNonNull(description, "description");
        }

        /** @return an IPVS that answered with {@code version} */
        static KernelIpvs answering(String version) {
            return new KernelIpvs(true, version);
        }

        /** @return a kernel without IPVS, because {@code why} */
        static KernelIpvs missing(String why) {
            return new KernelIpvs(false, why);
        }
    }

    /**
     * @param configured the property's value, null when unset
     * @param kernel asks the kernel's IPVS, called only where the choice depends on it
     * @return the backend to run and why
     * @throws IllegalArgumentException naming the property if its value is unknown or cannot be had
     */
    static Choice choose(String configured, Supplier<KernelIpvs> kernel) {
        String value = configured == null || configured.isBlank() ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        if (value.equals("auto")) {
            KernelIpvs ipvs = kernel.get();
            if (ipvs.answers()) {
                return new Choice(Backend.KERNEL, PROPERTY + "=auto and the kernel's IPVS answers (" + ipvs.description() + ")");
            }
            return userspace(ipvs.description());
        }
        Backend backend = Backend.byConfigName(value).orElseThrow(() -> new IllegalArgumentException(
                PROPERTY + "=" + configured + " is not a data plane: use kernel, userspace or auto"));
        if (backend == Backend.KERNEL) {
            KernelIpvs ipvs = kernel.get();
            if (!ipvs.answers()) {
                throw new IllegalArgumentException(PROPERTY + "=kernel, but " + ipvs.description() + ": load the ip_vs module, or use userspace or auto");
            }
            return new Choice(backend, PROPERTY + "=kernel and the kernel's IPVS answers (" + ipvs.description() + ")");
        }
        return new Choice(backend, PROPERTY + "=" + value);
    }

    private static Choice userspace(String why) {
        return new Choice(Backend.USERSPACE, PROPERTY + "=auto and " + why
                + "; virtual services are proxied in user space, and real servers see connections come from this host");
    }
}
