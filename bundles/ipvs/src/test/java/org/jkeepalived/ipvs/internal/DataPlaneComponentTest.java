package org.jkeepalived.ipvs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;

import org.jkeepalived.ipvs.api.Backend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The component on a kernel without IPVS, as this project's build hosts are: auto runs the userspace
 * backend, and kernel is refused. KernelDataPlaneTest activates it under a kernel with IPVS.
 */
class DataPlaneComponentTest {

    @BeforeEach
    void onAKernelWithoutIpvs() {
        assumeFalse(Files.exists(BackendSelection.KERNEL_IPVS), "this kernel has IPVS; KernelDataPlaneTest covers it");
    }

    @Test
    void autoRunsTheUserspaceBackend() {
        assertThat(ComponentActivation.backend(null)).isEqualTo(Backend.USERSPACE);
    }

    @Test
    void kernelIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ComponentActivation.backend("kernel")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jkeepalived.dataplane=kernel, but the kernel has no IPVS (/proc/net/ip_vs is missing");
    }
}
