package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.core.internal.loop.EventLoopsComponent;
import org.jkeepalived.testing.netns.KeepalivedPeer;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.net.PacketCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * auth_type AH between jkeepalived and Debian's keepalived in namespaces: each accepts the other's
 * signed adverts and its priority 0 advert, so that they are master in turn, over multicast and
 * over unicast; with another password each drops the other's adverts and both are master.
 */
class AuthenticationHeaderNamespaceTest {

    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final int PROTOCOL_AH = 51;

    private final EventLoopsComponent loops = new EventLoopsComponent();
    private BridgedPair pair;
    private NetworkNamespace a;
    private NetworkNamespace b;
    private RuntimeRouter ours;

    @TempDir
    Path directory;

    @BeforeEach
    void segment() {
        assumeTrue(KeepalivedPeer.installed(), "Debian's keepalived is not installed");
        pair = BridgedPair.create();
        a = pair.a;
        b = pair.b;
    }

    @AfterEach
    void tearDown() {
        if (ours != null) {
            ours.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void keepalivedAndJkeepalivedWithIpsecAhAreMasterInTurn() throws Exception {
        ours = new RuntimeRouter(b, loops);
        // keepalived master, jkeepalived backup
        try (KeepalivedPeer keepalived = KeepalivedPeer.start(a, directory, keepalivedConfig(150, "s3cret"))) {
            await().atMost(STARTUP).until(() -> keepalived.lastEntered("MASTER"));
            ours.apply(config(100, "s3cret"));
            await().atMost(STARTUP).until(() -> ours.instance("VI_1").advertsReceived() > 0);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
                    .until(() -> ours.instance("VI_1").state() == VrrpState.BACKUP && keepalived.lastEntered("MASTER"));
            assertThat(ours.instance("VI_1").drops()).isEmpty();
            assertThat(ours.instance("VI_1").advertsReceived()).isGreaterThanOrEqualTo(3);

            keepalived.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> ours.instance("VI_1").state() == VrrpState.MASTER);
            assertThat(ours.instance("VI_1").drops()).isEmpty();
        }
        // jkeepalived master, keepalived backup: its adverts go out with the header
        try (PacketCapture capture = a.call(() -> PacketCapture.open("eth0"))) {
            List<byte[]> adverts = capture.incoming(frame -> frame.length > 34 && frame[12] == 0x08 && frame[13] == 0x00
                    && (frame[23] & 0xff) == PROTOCOL_AH, 2, 5_000);
            assertThat(adverts).hasSize(2);
        }
        try (KeepalivedPeer keepalived = KeepalivedPeer.start(a, directory, keepalivedConfig(50, "s3cret"))) {
            await().atMost(STARTUP).until(() -> keepalived.lastEntered("BACKUP"));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> keepalived.lastEntered("BACKUP") && ours.instance("VI_1").state() == VrrpState.MASTER);
            assertThat(keepalived.log()).doesNotContain("IPSEC").doesNotContain("Entering MASTER STATE");

            ours.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> keepalived.lastEntered("MASTER"));
            assertThat(keepalived.log()).contains("Backup received priority 0 advertisement");
        }
    }

    @Test
    void overUnicastTooEachAcceptsTheOthersSignedAdverts() throws Exception {
        ours = new RuntimeRouter(b, loops);
        String keepalivedSide = unicast(keepalivedConfig(150, "s3cret"), "192.0.2.1", "192.0.2.2");
        try (KeepalivedPeer keepalived = KeepalivedPeer.start(a, directory, keepalivedSide)) {
            await().atMost(STARTUP).until(() -> keepalived.lastEntered("MASTER"));
            ours.apply(unicast(config(100, "s3cret"), "192.0.2.2", "192.0.2.1"));
            await().atMost(STARTUP).until(() -> ours.instance("VI_1").advertsReceived() >= 3);
            assertThat(ours.instance("VI_1").state()).isEqualTo(VrrpState.BACKUP);
            assertThat(ours.instance("VI_1").drops()).isEmpty();

            // a higher priority from jkeepalived: keepalived takes its signed unicast advert and steps down
            ours.apply(unicast(config(200, "s3cret"), "192.0.2.2", "192.0.2.1"));
            await().atMost(STARTUP).until(() -> keepalived.lastEntered("BACKUP") && ours.instance("VI_1").state() == VrrpState.MASTER);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> keepalived.lastEntered("BACKUP"));
            assertThat(keepalived.log()).doesNotContain("IPSEC");
        }
    }

    @Test
    void withAnotherPasswordEachDropsTheOthersAdverts() throws Exception {
        ours = new RuntimeRouter(b, loops);
        try (KeepalivedPeer keepalived = KeepalivedPeer.start(a, directory, keepalivedConfig(150, "s3cret"))) {
            await().atMost(STARTUP).until(() -> keepalived.lastEntered("MASTER"));
            ours.apply(config(100, "other"));

            await().atMost(STARTUP).until(() -> ours.instance("VI_1").state() == VrrpState.MASTER
                    && keepalived.log().contains("IPSEC-AH : invalid IPSEC HMAC-MD5 value"));
            assertThat(ours.instance("VI_1").drops().get(DropReason.AUTH_FAILURE)).isPositive();
            assertThat(ours.instance("VI_1").advertsReceived()).isZero();
            assertThat(keepalived.lastEntered("MASTER")).isTrue();
        }
    }

    private static String config(int priority, String password) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type AH
                        auth_pass %s
                    }
                    virtual_ipaddress {
                        192.0.2.100
                    }
                }
                """.formatted(priority, password);
    }

    /** The same instance sending its adverts to one peer, from a set source. */
    private static String unicast(String config, String source, String peer) {
        return config.replace("    advert_int 1\n", "    advert_int 1\n    unicast_src_ip " + source
                + "\n    unicast_peer {\n        " + peer + "\n    }\n");
    }

    private static String keepalivedConfig(int priority, String password) {
        return "global_defs {\n    router_id keepalived_peer\n}\n" + config(priority, password);
    }
}
