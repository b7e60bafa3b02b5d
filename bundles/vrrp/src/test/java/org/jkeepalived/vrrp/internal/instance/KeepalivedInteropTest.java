package org.jkeepalived.vrrp.internal.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.testing.netns.KeepalivedPeer;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.settings.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wire compatibility with keepalived itself: Debian's keepalived in one namespace and a jkeepalived
 * instance in another, in the same virtual router, each master in turn. Each side stays backup only
 * if it accepts the other's adverts, and takes over at once only if it accepts its priority 0 advert.
 */
class KeepalivedInteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(KeepalivedInteropTest.class);
    private static final EventLoopsComponent LOOPS = new EventLoopsComponent();
    private static final Duration STARTUP = Duration.ofSeconds(15);

    /** The three ways adverts travel, with the keepalived.conf lines that select them. */
    enum Mode {
        V2_IPV4(TestSettings::v2, "version 2", "192.0.2.100"),
        V3_IPV4(TestSettings::v3, "version 3", "192.0.2.100"),
        V3_IPV6(TestSettings::v3Ipv6, "version 3", "fe80::100");

        final Supplier<TestSettings> settings;
        final String version;
        final String address;

        Mode(Supplier<TestSettings> settings, String version, String address) {
            this.settings = settings;
            this.version = version;
            this.address = address;
        }
    }

    @TempDir
    Path directory;

    @BeforeAll
    static void keepalivedIsInstalled() {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void keepalivedAndJkeepalivedAreMasterInTurn(Mode mode) {
        try (Lab lab = Lab.of(2, LOOPS)) {
            VirtualRouter ours;
            // keepalived master, jkeepalived backup
            try (KeepalivedPeer keepalived = KeepalivedPeer.start(lab.namespaces.get(0), directory, config(mode, 150))) {
                await().atMost(STARTUP).until(() -> keepalived.lastEntered("MASTER"));
                ours = lab.host(1).start(mode.settings.get().priority(100).build());
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                        .until(() -> ours.state() == VrrpState.BACKUP && keepalived.lastEntered("MASTER"));
                assertThat(ours.statistics().advertsReceived()).isGreaterThanOrEqualTo(4);
                assertThat(ours.statistics().drops()).isEmpty();

                long stopped = System.nanoTime();
                keepalived.stop();
                await().atMost(Duration.ofSeconds(5)).until(() -> ours.state() == VrrpState.MASTER);
                long takeover = lab.host(1).lastEntered("VI_1", VrrpState.MASTER) - stopped;
                LOG.info("{}: keepalived stopped, jkeepalived master after {} ms", mode, takeover / 1_000_000);
                assertThat(ours.statistics().priorityZeroReceived()).isEqualTo(1);
                assertThat(takeover).isLessThan(2_000_000_000L);
            }

            // jkeepalived master, keepalived backup
            try (KeepalivedPeer keepalived = KeepalivedPeer.start(lab.namespaces.get(0), directory, config(mode, 50))) {
                await().atMost(STARTUP).until(() -> keepalived.lastEntered("BACKUP"));
                await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7))
                        .until(() -> keepalived.lastEntered("BACKUP"));
                assertThat(keepalived.log()).doesNotContain("checksum").doesNotContain("Invalid")
                        .doesNotContain("mismatch").doesNotContain("Entering MASTER STATE");

                long stopped = System.nanoTime();
                ours.shutdown();
                await().atMost(Duration.ofSeconds(5)).until(() -> keepalived.lastEntered("MASTER"));
                LOG.info("{}: jkeepalived stopped, keepalived master after {} ms", mode,
                        (System.nanoTime() - stopped) / 1_000_000);
                assertThat(keepalived.log()).contains("Backup received priority 0 advertisement");
                assertThat(ours.statistics().drops(DropReason.CHECKSUM)).isZero();
            }
        }
    }

    @Test
    void likeKeepalivedAnInstanceDropsAdvertsWithOtherAddresses() {
        try (Lab lab = Lab.of(2, LOOPS);
             KeepalivedPeer keepalived = KeepalivedPeer.start(lab.namespaces.get(0), directory,
                     config(Mode.V2_IPV4, 150).replace("192.0.2.100 dev", "192.0.2.101 dev"))) {
            await().atMost(STARTUP).until(() -> keepalived.lastEntered("MASTER"));
            VirtualRouter ours = lab.host(1).start(TestSettings.v2().priority(100).build());

            // both sides count the other's adverts as address list errors: the configuration must be fixed
            await().atMost(STARTUP).until(() -> ours.state() == VrrpState.MASTER
                    && keepalived.log().contains("not present in MASTER advert: 192.0.2.101"));
            assertThat(ours.statistics().drops(DropReason.ADDRESS_LIST)).isPositive();
            assertThat(ours.statistics().advertsReceived()).isZero();
            assertThat(keepalived.lastEntered("MASTER")).isTrue();
        }
    }

    private static String config(Mode mode, int priority) {
        return """
                global_defs {
                    router_id keepalived_peer
                }
                vrrp_instance VI_1 {
                    %s
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s dev eth0
                    }
                }
                """.formatted(mode.version, priority, mode.address);
    }
}
