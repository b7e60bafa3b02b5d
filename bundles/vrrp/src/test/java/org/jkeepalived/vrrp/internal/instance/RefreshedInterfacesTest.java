package org.jkeepalived.vrrp.internal.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.jkeepalived.vrrp.internal.settings.VirtualMac;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.junit.jupiter.api.Test;

/** Which interfaces garp_extra_if refreshes, for an instance on eth0 with addresses on eth0, eth1 and its VMAC. */
class RefreshedInterfacesTest {

    private static final List<String> INTERFACES = List.of("eth0", "eth1", "vrrp.51");
    private static final VirtualMac VMAC = new VirtualMac("vrrp.51", VirtualMac.routerAddress(IpFamily.INET, 51), false);
    private static final VirtualMac VMAC_XMIT_BASE = new VirtualMac(VMAC.interfaceName(), VMAC.address(), true);

    @Test
    void withoutGarpExtraIfNoneIs() {
        assertThat(RefreshedInterfaces.of(TestSettings.v2().vmac(VMAC_XMIT_BASE).build(), INTERFACES)).isEmpty();
    }

    @Test
    void withAllEachInterfaceButTheOneTheAdvertsLeaveFromIs() {
        assertThat(RefreshedInterfaces.of(settings(true, Optional.empty()), INTERFACES)).containsExactlyInAnyOrder("eth1", "vrrp.51");
        assertThat(RefreshedInterfaces.of(settings(true, Optional.of(VMAC)), INTERFACES)).containsExactlyInAnyOrder("eth0", "eth1");
        assertThat(RefreshedInterfaces.of(settings(true, Optional.of(VMAC_XMIT_BASE)), INTERFACES))
                .containsExactlyInAnyOrder("eth1", "vrrp.51");
    }

    @Test
    void withoutAllOnlyAVmacTheAdvertsDoNotLeaveFromIs() {
        assertThat(RefreshedInterfaces.of(settings(false, Optional.empty()), INTERFACES)).isEmpty();
        assertThat(RefreshedInterfaces.of(settings(false, Optional.of(VMAC)), INTERFACES)).isEmpty();
        assertThat(RefreshedInterfaces.of(settings(false, Optional.of(VMAC_XMIT_BASE)), INTERFACES)).containsExactly("vrrp.51");
    }

    private static VrrpSettings settings(boolean all, Optional<VirtualMac> vmac) {
        GarpSettings garp = new GarpSettings(Duration.ofSeconds(5), 5, Duration.ZERO, 1, Duration.ofSeconds(5), 5,
                Optional.of(new GarpSettings.ExtraInterfaces(Duration.ofSeconds(60), all)));
        TestSettings settings = TestSettings.v2().garp(garp);
        vmac.ifPresent(settings::vmac);
        return settings.build();
    }
}
