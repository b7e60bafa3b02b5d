package org.jkeepalived.ipvs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.jkeepalived.ipvs.api.Backend;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {

    private static final Set<Backend> USERSPACE_ONLY = EnumSet.of(Backend.USERSPACE);
    private static final Set<Backend> BOTH = EnumSet.allOf(Backend.class);

    @Test
    void autoIsTheDefaultAndGivesUserspaceWithoutKernelIpvs() {
        BackendSelection.Choice choice = BackendSelection.choose(null, false, BOTH);
        assertThat(choice.backend()).isEqualTo(Backend.USERSPACE);
        assertThat(choice.reason()).contains("jkeepalived.dataplane=auto", "the kernel has no IPVS", "/proc/net/ip_vs",
                "real servers see connections come from this host");
        assertThat(BackendSelection.choose(" ", false, BOTH).backend()).isEqualTo(Backend.USERSPACE);
    }

    @Test
    void autoSaysWhyItRunsUserspaceWhereTheKernelHasIpvs() {
        BackendSelection.Choice choice = BackendSelection.choose("auto", true, USERSPACE_ONLY);
        assertThat(choice.backend()).isEqualTo(Backend.USERSPACE);
        assertThat(choice.reason()).contains("the kernel has IPVS, but this jkeepalived has no kernel backend");
    }

    @Test
    void autoTakesTheKernelWhereBothAre() {
        assertThat(BackendSelection.choose("AUTO", true, BOTH).backend()).isEqualTo(Backend.KERNEL);
    }

    @Test
    void userspaceWhenAskedFor() {
        BackendSelection.Choice choice = BackendSelection.choose("userspace", true, BOTH);
        assertThat(choice.backend()).isEqualTo(Backend.USERSPACE);
        assertThat(choice.reason()).isEqualTo("jkeepalived.dataplane=userspace");
    }

    @Test
    void kernelIsRefusedWhereItCannotBeHad() {
        assertThatThrownBy(() -> BackendSelection.choose("kernel", true, USERSPACE_ONLY))
                .hasMessage("jkeepalived.dataplane=kernel: this jkeepalived has no kernel backend; use userspace or auto");
        assertThatThrownBy(() -> BackendSelection.choose("kernel", false, BOTH))
                .hasMessageContaining("the kernel has no IPVS").hasMessageContaining("load the ip_vs module");
        assertThat(BackendSelection.choose("kernel", true, BOTH).backend()).isEqualTo(Backend.KERNEL);
    }

    @Test
    void anUnknownValueIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> BackendSelection.choose("ipvs", true, BOTH))
                .hasMessage("jkeepalived.dataplane=ipvs is not a data plane: use kernel, userspace or auto");
    }
}
