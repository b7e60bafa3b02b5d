package org.jkeepalived.ipvs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jkeepalived.ipvs.api.Backend;
import org.jkeepalived.ipvs.internal.BackendSelection.KernelIpvs;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {

    private static final KernelIpvs ANSWERS = KernelIpvs.answering("IP Virtual Server 1.2.1, connection table 4096");
    private static final KernelIpvs NO_MODULE = KernelIpvs.missing("the kernel has no IPVS (/proc/net/ip_vs is missing: no ip_vs module, or a container)");
    private static final KernelIpvs SILENT = KernelIpvs.missing("the kernel's IPVS does not answer: cannot resolve generic netlink family IPVS: ENOENT (No such file or directory)");

    @Test
    void autoIsTheDefaultAndGivesUserspaceWithoutKernelIpvs() {
        BackendSelection.Choice choice = BackendSelection.choose(null, () -> NO_MODULE);
        assertThat(choice.backend()).isEqualTo(Backend.USERSPACE);
        assertThat(choice.reason()).contains("jkeepalived.dataplane=auto", "the kernel has no IPVS", "/proc/net/ip_vs",
                "real servers see connections come from this host");
        assertThat(BackendSelection.choose(" ", () -> NO_MODULE).backend()).isEqualTo(Backend.USERSPACE);
    }

    @Test
    void autoSaysWhyItRunsUserspaceWhereIpvsDoesNotAnswer() {
        BackendSelection.Choice choice = BackendSelection.choose("auto", () -> SILENT);
        assertThat(choice.backend()).isEqualTo(Backend.USERSPACE);
        assertThat(choice.reason()).contains("the kernel's IPVS does not answer: cannot resolve generic netlink family IPVS");
    }

    @Test
    void autoTakesTheKernelWhereItsIpvsAnswersAndSaysWhatItIs() {
        BackendSelection.Choice choice = BackendSelection.choose("AUTO", () -> ANSWERS);
        assertThat(choice.backend()).isEqualTo(Backend.KERNEL);
        assertThat(choice.reason()).isEqualTo("jkeepalived.dataplane=auto and the kernel's IPVS answers (IP Virtual Server 1.2.1, connection table 4096)");
    }

    @Test
    void userspaceWhenAskedForWithoutAskingTheKernel() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<KernelIpvs> kernel = () -> {
            asked.incrementAndGet();
            return ANSWERS;
        };
        BackendSelection.Choice choice = BackendSelection.choose("userspace", kernel);
        assertThat(choice.backend()).isEqualTo(Backend.USERSPACE);
        assertThat(choice.reason()).isEqualTo("jkeepalived.dataplane=userspace");
        assertThat(asked).hasValue(0);
    }

    @Test
    void kernelWhenAskedForAndItAnswers() {
        BackendSelection.Choice choice = BackendSelection.choose("kernel", () -> ANSWERS);
        assertThat(choice.backend()).isEqualTo(Backend.KERNEL);
        assertThat(choice.reason()).contains("jkeepalived.dataplane=kernel", "IP Virtual Server 1.2.1");
    }

    @Test
    void kernelIsRefusedWhereItCannotBeHad() {
        assertThatThrownBy(() -> BackendSelection.choose("kernel", () -> NO_MODULE))
                .hasMessageContaining("jkeepalived.dataplane=kernel, but the kernel has no IPVS").hasMessageContaining("load the ip_vs module");
        assertThatThrownBy(() -> BackendSelection.choose("kernel", () -> SILENT))
                .hasMessageContaining("does not answer").hasMessageContaining("or use userspace or auto");
    }

    @Test
    void anUnknownValueIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> BackendSelection.choose("ipvs", () -> ANSWERS))
                .hasMessage("jkeepalived.dataplane=ipvs is not a data plane: use kernel, userspace or auto");
    }
}
