package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;
import static org.jkeepalived.config.api.Configs.valid;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.LvsMethod;
import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.Scheduler;
import org.jkeepalived.config.api.model.lvs.SchedulerFlag;
import org.jkeepalived.config.api.model.lvs.SorryServer;
import org.jkeepalived.config.api.model.lvs.SslSettings;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.junit.jupiter.api.Test;

class VirtualServerBinderTest {

    private static InetAddress ip(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    @Test
    void aVirtualServerTakesKeepalivedsDefaults() {
        ConfigResult result = read("""
                virtual_server 10.10.10.2 1358 {
                    real_server 192.168.200.2 {
                    }
                }
                """);

        assertThat(messages(result)).containsExactly("keepalived.conf:1:1: warning: virtual_server [10.10.10.2]:1358: "
                + "no protocol given; UDP is used, as the kernel uses it");
        VirtualServer server = result.config().orElseThrow().virtualServers().get(0);
        assertThat(server.address()).isEqualTo(new VirtualServerAddress.Ip(ip("10.10.10.2"), 1358));
        assertThat(server.protocol()).contains(Protocol.UDP);
        assertThat(server.scheduler()).isEqualTo(Scheduler.WLC);
        assertThat(server.method()).isEqualTo(LvsMethod.NAT);
        assertThat(server.persistenceTimeout()).isEmpty();
        assertThat(server.quorum()).isEqualTo(1);
        assertThat(server.hysteresis()).isZero();
        assertThat(server.smtpAlert()).isFalse();
        RealServer real = server.realServers().get(0);
        assertThat(real.port()).as("NAT takes the virtual server's port").isEqualTo(1358);
        assertThat(real.weight()).isEqualTo(1);
        assertThat(real.method()).isEqualTo(LvsMethod.NAT);
        assertThat(real.smtpAlert()).as("keepalived's default for real servers").isTrue();
        assertThat(real.checkers()).isEmpty();
        assertThat(server.displayName()).isEqualTo("[10.10.10.2]:udp:1358");
    }

    @Test
    void everyKeywordOfAVirtualServerIsBound() {
        VirtualServer server = valid("""
                virtual_server 192.168.200.100 443 {
                    lvs_sched sh
                    sh-port
                    flag-3
                    lvs_method TUN type gue port 6080 csum
                    persistence_timeout
                    persistence_granularity 255.255.255.0
                    persistence_engine sip
                    protocol TCP
                    ha_suspend
                    smtp_alert
                    virtualhost www.example.com
                    alpha
                    omega
                    quorum 2
                    hysteresis 1
                    quorum_up "/usr/local/sbin/quorum-up.sh VS1"
                    quorum_down /usr/local/sbin/quorum-down.sh nobody
                    sorry_server 192.168.200.200
                    sorry_server_inhibit
                    sorry_server_lvs_method DR
                    inhibit_on_failure
                    weight 3
                    real_server 192.168.201.100 443 {
                        notify_up "/bin/up 1"
                        notify_down /bin/down
                        uthreshold 100
                        lthreshold 10
                        virtualhost rs.example.com
                        smtp_alert off
                    }
                    real_server 192.168.201.101 {
                        weight 5
                        lvs_method NAT
                        inhibit_on_failure off
                        alpha off
                    }
                }
                """).virtualServers().get(0);

        assertThat(server.scheduler()).isEqualTo(Scheduler.SH);
        assertThat(server.schedulerFlags()).containsExactlyInAnyOrder(SchedulerFlag.FLAG_2, SchedulerFlag.FLAG_3);
        assertThat(server.method()).isEqualTo(new LvsMethod(LvsMethod.Kind.TUN, LvsMethod.TunnelType.GUE, Optional.of(6080),
                LvsMethod.TunnelChecksum.CSUM));
        assertThat(server.persistenceTimeout()).contains(Duration.ofSeconds(360));
        assertThat(server.persistenceGranularity()).contains(24);
        assertThat(server.persistenceEngine()).contains("sip");
        assertThat(server.protocol()).contains(Protocol.TCP);
        assertThat(server.haSuspend()).isTrue();
        assertThat(server.smtpAlert()).isTrue();
        assertThat(server.virtualhost()).contains("www.example.com");
        assertThat(server.alpha()).isTrue();
        assertThat(server.omega()).isTrue();
        assertThat(server.quorum()).isEqualTo(2);
        assertThat(server.hysteresis()).isEqualTo(1);
        assertThat(server.quorumUp().orElseThrow().argv()).containsExactly("/usr/local/sbin/quorum-up.sh", "VS1");
        assertThat(server.quorumDown().orElseThrow().user()).contains("nobody");
        assertThat(server.sorryServer()).contains(new SorryServer(ip("192.168.200.200"), 443,
                new LvsMethod(LvsMethod.Kind.DR, LvsMethod.TunnelType.IPIP, Optional.empty(), LvsMethod.TunnelChecksum.NONE), true));
        assertThat(server.inhibitOnFailure()).isTrue();
        RealServer first = server.realServers().get(0);
        assertThat(first.weight()).as("the virtual server's weight").isEqualTo(3);
        assertThat(first.method()).isEqualTo(server.method());
        assertThat(first.notifyUp().orElseThrow().argv()).containsExactly("/bin/up", "1");
        assertThat(first.notifyDown().orElseThrow().argv()).containsExactly("/bin/down");
        assertThat(first.upperThreshold()).isEqualTo(100);
        assertThat(first.lowerThreshold()).isEqualTo(10);
        assertThat(first.virtualhost()).contains("rs.example.com");
        assertThat(first.smtpAlert()).isFalse();
        assertThat(first.alpha()).isTrue();
        assertThat(first.inhibitOnFailure()).isTrue();
        RealServer second = server.realServers().get(1);
        assertThat(second.weight()).isEqualTo(5);
        assertThat(second.port()).isEqualTo(443);
        assertThat(second.virtualhost()).contains("www.example.com");
        assertThat(second.alpha()).isFalse();
        assertThat(second.inhibitOnFailure()).isFalse();
    }

    @Test
    void realServerPortsFollowTheForwardingMethod() {
        ConfigResult result = read("""
                virtual_server fwmark 7 {
                    lvs_method DR
                    persistence_timeout 900
                    real_server 192.168.201.100 80 {
                    }
                    real_server 192.168.201.101 {
                        lvs_method NAT
                    }
                }
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lvs_method DR
                    real_server 10.0.1.1 8080 {
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:4:5: warning: virtual_server FWM 7: real server 192.168.201.100 has a port, which DR and "
                        + "TUN of a firewall mark service cannot use; it is cleared",
                "keepalived.conf:13:5: warning: virtual_server [10.0.0.1]:80: real server port 8080 differs from the virtual "
                        + "server's, which DR and TUN cannot change; port 80 is used");
        List<VirtualServer> servers = result.config().orElseThrow().virtualServers();
        assertThat(servers.get(0).protocol()).isEmpty();
        assertThat(servers.get(0).realServers()).extracting(RealServer::port).containsExactly(0, 0);
        assertThat(servers.get(1).realServers()).extracting(RealServer::port).containsExactly(80);
    }

    @Test
    void keepalivedsCorrectionsOfAVirtualServerAreWarnings() {
        ConfigResult result = read("""
                virtual_server fwmark 1 {
                    protocol TCP
                    ha_suspend
                    real_server 192.168.201.100 {
                    }
                }
                virtual_server 10.0.0.1 0 {
                    protocol TCP
                    ops
                    quorum 5
                    hysteresis 7
                    real_server 10.0.1.1 80 {
                        weight 2
                    }
                    real_server 10.0.1.1 80 {
                    }
                }
                virtual_server 10.0.0.2 80 {
                    protocol TCP
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:1:1: warning: virtual_server FWM 1: ha_suspend does not apply to firewall marks; it is cleared",
                "keepalived.conf:2:5: warning: virtual_server FWM 1: a firewall mark service takes any protocol; protocol is ignored",
                "keepalived.conf:7:1: warning: virtual_server [10.0.0.1]:0: port 0 is for persistent services only; "
                        + "persistence_timeout 360 is set",
                "keepalived.conf:7:1: warning: virtual_server [10.0.0.1]:0: ops (one-packet scheduling) is for UDP only; it is cleared",
                "keepalived.conf:7:1: warning: virtual_server [10.0.0.1]:0: quorum 5 exceeds the total weight 2 of the real "
                        + "servers; quorum 2 is used",
                "keepalived.conf:7:1: warning: virtual_server [10.0.0.1]:0: hysteresis 7 is not below quorum 2; hysteresis 1 is used",
                "keepalived.conf:15:5: warning: virtual_server [10.0.0.1]:0: real server [10.0.1.1]:80 is listed twice; "
                        + "the second is ignored",
                "keepalived.conf:18:1: warning: virtual_server [10.0.0.2]:80 has no real_server; it is ignored, as keepalived "
                        + "ignores it");
        KeepalivedConfig config = result.config().orElseThrow();
        assertThat(config.virtualServers()).hasSize(2);
        assertThat(config.virtualServers().get(1).persistenceTimeout()).contains(Duration.ofSeconds(360));
        assertThat(config.virtualServers().get(1).quorum()).isEqualTo(2);
        assertThat(config.virtualServers().get(1).realServers()).hasSize(1);
    }

    @Test
    void virtualServerGroupsTakeAddressesRangesAndMarks() {
        KeepalivedConfig config = valid("""
                virtual_server_group VSG_1 {
                    10.0.0.1 8080
                    192.168.200.3-10 80
                    192.168.200.250-192.168.201.10 80
                    192.168.202.8/29
                    ae00::2-9 80
                    fwmark 1
                    fwmark 2 inet6
                }
                virtual_server group VSG_1 {
                    protocol TCP
                    persistence_timeout 50
                    real_server 192.168.200.1 1358 {
                    }
                }
                """);

        assertThat(config.virtualServerGroup("VSG_1").orElseThrow().entries()).containsExactly(
                new VirtualServerGroup.AddressRange(ip("10.0.0.1"), ip("10.0.0.1"), 8080),
                new VirtualServerGroup.AddressRange(ip("192.168.200.3"), ip("192.168.200.10"), 80),
                new VirtualServerGroup.AddressRange(ip("192.168.200.250"), ip("192.168.201.10"), 80),
                new VirtualServerGroup.AddressRange(ip("192.168.202.8"), ip("192.168.202.15"), 0),
                new VirtualServerGroup.AddressRange(ip("ae00::2"), ip("ae00::9"), 80),
                new VirtualServerGroup.Fwmark(1, Optional.empty()),
                new VirtualServerGroup.Fwmark(2, Optional.of(IpFamily.INET6)));
        VirtualServer server = config.virtualServers().get(0);
        assertThat(server.address()).isEqualTo(new VirtualServerAddress.Group("VSG_1"));
        assertThat(server.protocol()).contains(Protocol.TCP);
        assertThat(server.realServers().get(0).port()).isEqualTo(1358);
    }

    @Test
    void theSslBlockIsBoundForSslGet() {
        KeepalivedConfig config = valid("""
                SSL {
                    password secret
                    ca /etc/keepalived/ca.pem
                    certificate /etc/keepalived/client.pem
                    key /etc/keepalived/client.key
                }
                """);

        assertThat(config.ssl()).contains(new SslSettings(Optional.of("secret"), Optional.of("/etc/keepalived/ca.pem"),
                Optional.of("/etc/keepalived/client.pem"), Optional.of("/etc/keepalived/client.key")));
    }

    @Test
    void badVirtualServersAreReported() {
        ConfigResult result = read("""
                virtual_server_group G {
                    192.168.200.10-3 80
                    fwmark 0
                }
                virtual_server group NOPE {
                    real_server 10.0.0.1 80 {
                    }
                }
                virtual_server 10.0.0.300 80 {
                }
                virtual_server 10.0.0.1 80 {
                    lvs_sched roulette
                    lvs_method TUN type gue
                    persistence_granularity 255.0.255.0
                    real_server 10.0.0.2 80 {
                        weight -1
                    }
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:5: error: virtual_server_group G: '192.168.200.10-3' is not valid; expected an address, "
                        + "a range as 192.0.2.1-10 or 192.0.2.1-192.0.2.10, or a prefix as 192.0.2.0/29",
                "keepalived.conf:3:12: error: virtual_server_group G: '0' is not valid; expected an integer from 1 to 4294967295",
                "keepalived.conf:5:1: error: virtual_server group NOPE: no virtual_server_group named 'NOPE'",
                "keepalived.conf:9:16: error: virtual_server: '10.0.0.300' is not valid; expected an IPv4 or IPv6 address",
                "keepalived.conf:11:1: warning: virtual_server [10.0.0.1]:80: no protocol given; UDP is used, as the kernel uses it",
                "keepalived.conf:12:15: error: lvs_sched: 'roulette' is not valid; expected rr, wrr, lc, wlc, lblc, sh, mh, dh, "
                        + "fo, ovf, lblcr, sed, nq or twos",
                "keepalived.conf:13:16: error: lvs_method: a GUE tunnel needs a port: TUN type gue port PORT",
                "keepalived.conf:14:29: error: persistence_granularity: '255.0.255.0' is not valid; expected a contiguous IPv4 "
                        + "netmask such as 255.255.255.0, or a prefix length from 1 to 128",
                "keepalived.conf:16:16: error: weight: '-1' is not valid; expected an integer from 0 to 2147483647");
    }
}
