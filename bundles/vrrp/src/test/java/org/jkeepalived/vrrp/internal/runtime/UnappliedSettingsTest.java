package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.junit.jupiter.api.Test;

class UnappliedSettingsTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    192.0.2.100
                }
            %s}
            """;

    @Test
    void aConfigurationThatSetsNoneOfThemGetsNoWarning() {
        assertThat(UnappliedSettings.of(config(INSTANCE.formatted("")))).isEmpty();
    }

    @Test
    void eachSettingThatIsNotAppliedIsNamedWithWhatHappensInstead() {
        KeepalivedConfig config = config("""
                global_defs {
                    dynamic_interfaces
                    log_unknown_vrids
                    disable_local_igmp
                }
                """ + INSTANCE.formatted("""
                    garp_extra_if 30
                    virtual_ipaddress_excluded {
                        198.51.100.7 dev eth1 use_vmac
                    }
                """));

        assertThat(UnappliedSettings.of(config)).containsExactly(
                "(VI_1) use_vmac of 198.51.100.7/32 is not applied: the address goes on its interface, not on a VMAC of it");
    }

    private static KeepalivedConfig config(String text) {
        ConfigResult result = ConfigReader.builder().build().read("keepalived.conf", text);
        assertThat(result.hasErrors()).as(result.summary()).isFalse();
        return result.config().orElseThrow();
    }
}
