package org.jkeepalived.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.internal.bind.TestCheckerFactory;
import org.junit.jupiter.api.Test;

/** On reload a subsystem compares the old and new parts: parts that did not change must be equal, wherever they moved. */
class ModelEqualityTest {

    private static final String CONFIG = """
            vrrp_script chk {
                script "/bin/true"
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                track_script {
                    chk
                }
                virtual_ipaddress {
                    192.0.2.1/24 dev eth0
                }
            }
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id %d
                virtual_ipaddress {
                    192.0.2.2
                }
            }
            virtual_server 10.0.0.1 80 {
                protocol TCP
                real_server 10.0.0.2 80 {
                    HTTP_GET {
                        url {
                            path /%s
                        }
                    }
                    SMTP_CHECK {
                        helo_name x
                    }
                }
                real_server 10.0.0.3 80 {
                    HTTP_GET {
                        url {
                            path /
                        }
                    }
                }
            }
            """;

    private static KeepalivedConfig read(String text) {
        ConfigReader reader = ConfigReader.builder().configId("main").hostName("lb1").random(new SplittableRandom(1))
                .checkers(keyword -> Optional.ofNullable(Map.of("HTTP_GET",
                        new TestCheckerFactory("HTTP_GET", Set.of("url"))).get(keyword)))
                .build();
        ConfigResult result = reader.read("keepalived.conf", text);
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        return result.config().orElseThrow();
    }

    @Test
    void theSameTextGivesEqualConfigurationsEvenWhereLinesMoved() {
        KeepalivedConfig first = read(CONFIG.formatted(52, ""));
        KeepalivedConfig moved = read("# a comment that moves every line\n\n" + CONFIG.formatted(52, "").replace("    ", "\t"));

        assertThat(moved).isEqualTo(first);
        assertThat(moved.hashCode()).isEqualTo(first.hashCode());
    }

    @Test
    void aChangeShowsInThePartsItChangesOnly() {
        KeepalivedConfig before = read(CONFIG.formatted(52, ""));
        KeepalivedConfig after = read(CONFIG.formatted(53, "health"));

        assertThat(after.vrrpInstance("VI_1")).isEqualTo(before.vrrpInstance("VI_1"));
        assertThat(after.vrrpInstance("VI_2")).isNotEqualTo(before.vrrpInstance("VI_2"));
        RealServer changed = after.virtualServers().get(0).realServers().get(0);
        assertThat(changed).isNotEqualTo(before.virtualServers().get(0).realServers().get(0));
        assertThat(changed.checkers().get(1)).as("the unbound SMTP_CHECK did not change")
                .isEqualTo(before.virtualServers().get(0).realServers().get(0).checkers().get(1));
        assertThat(after.virtualServers().get(0).realServers().get(1))
                .isEqualTo(before.virtualServers().get(0).realServers().get(1));
    }
}
