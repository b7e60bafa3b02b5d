package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;
import static org.jkeepalived.config.api.Configs.valid;

import java.time.Duration;
import java.util.List;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.vrrp.GarpGroup;
import org.junit.jupiter.api.Test;

class GarpGroupBinderTest {

    @Test
    void aGroupTakesOneInterfaceOrAListWithTheirIntervals() {
        List<GarpGroup> groups = valid("""
                garp_group {
                    garp_interval 0.05
                    gna_interval 0.1
                    interfaces {
                        eth0
                        eth1 eth2
                    }
                }
                garp_group {
                    interface bond0
                }
                """).garpGroups();

        assertThat(groups).containsExactly(
                new GarpGroup(Duration.ofMillis(50), Duration.ofMillis(100), List.of("eth0", "eth1", "eth2")),
                new GarpGroup(Duration.ZERO, Duration.ZERO, List.of("bond0")));
    }

    @Test
    void anInterfaceInTwoGroupsOrAGroupWithoutInterfaceIsAnError() {
        ConfigResult result = read("""
                garp_group {
                    garp_interval 0.05
                    interface eth0
                }
                garp_group {
                    garp_interval 2
                    interfaces {
                        eth1
                        eth0
                    }
                }
                garp_group {
                    gna_interval 0.1
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:6:19: error: garp_interval: '2' is not valid; expected a time in seconds from 0 to 1",
                "keepalived.conf:9:9: error: garp_group: interface eth0 is already in the garp_group at keepalived.conf:3:15",
                "keepalived.conf:12:1: error: garp_group has no interface; expected interface INTERFACE or interfaces { ... }");
        assertThat(result.config()).isEmpty();
    }
}
