package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;

import java.time.Duration;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.Notification;
import org.jkeepalived.config.api.model.lvs.LvsGlobals;
import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.config.api.model.vrrp.Nftables;
import org.jkeepalived.config.api.model.vrrp.Scheduling;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;
import org.junit.jupiter.api.Test;

class GlobalDefsBinderTest {

    private static GlobalDefs globals(String text) {
        ConfigResult result = read(text);
        assertThat(messages(result)).isEmpty();
        return result.config().orElseThrow().globalDefs();
    }

    @Test
    void withoutGlobalDefsKeepalivedsDefaultsApply() {
        GlobalDefs globals = globals("");

        assertThat(globals.routerId()).isEqualTo("lb1.example.com");
        assertThat(globals.notification().emailFrom()).isEqualTo("keepalived@lb1.example.com");
        assertThat(globals.notification().smtpHeloName()).isEqualTo("lb1.example.com");
        assertThat(globals.notification().smtpConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(globals.notification().smtpServer()).isEmpty();
        assertThat(globals.vrrp().mcastGroup4().getHostAddress()).isEqualTo("224.0.0.18");
        assertThat(globals.vrrp().mcastGroup6().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:12");
        assertThat(globals.vrrp().defaultInterface()).isEqualTo("eth0");
        assertThat(globals.vrrp().version()).isEqualTo(2);
        assertThat(globals.vrrp().garp()).isEqualTo(GarpSettings.DEFAULT);
        assertThat(globals.vrrp().downTimerAdverts()).isEqualTo(3);
        assertThat(globals.vrrp().vmacPrefix()).isEqualTo("vrrp");
        assertThat(globals.vrrp().vmacAddrPrefix()).isEqualTo("vrrp");
        assertThat(globals.vrrp().scheduling()).isEqualTo(Scheduling.DEFAULT);
        assertThat(globals.startupScriptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(globals.lvs().flushOnStop()).isEqualTo(LvsGlobals.FlushOnStop.NO);
    }

    @Test
    void everySettingIsBound() {
        ConfigResult result = read("""
                global_defs {
                    router_id LVS_DEVEL
                    notification_email {
                        acassen@firewall.loc "My admin <admin@example.com>"
                        sysadmin@firewall.loc
                    }
                    notification_email_from Alexandre.Cassen@firewall.loc
                    smtp_server 192.168.200.1 2525
                    smtp_helo_name lb1
                    smtp_connect_timeout 15
                    smtp_alert_checker off
                    no_email_faults
                    script_user keepalived_script scripts
                    enable_script_security
                    startup_script "/etc/keepalived/start.sh now" root
                    startup_script_timeout 20
                    vrrp_notify_fifo /run/keepalived.fifo root wheel
                    vrrp_notify_fifo_script /etc/keepalived/fifo.sh
                    vrrp_mcast_group4 224.0.0.19
                    vrrp_mcast_group6 ff02::13
                    default_interface bond0
                    vrrp_version 3
                    vrrp_garp_master_delay 10
                    vrrp_garp_master_repeat 2
                    vrrp_garp_master_refresh 60
                    vrrp_garp_interval 0.001
                    vrrp_garp_extra_if all 100
                    vrrp_strict
                    vrrp_check_unicast_src
                    vrrp_down_timer_adverts 5
                    vrrp_startup_delay 5.5
                    dynamic_interfaces allow_if_changes
                    nftables lb_vrrp
                    nftables_priority -150
                    nftables_counters
                    vrrp_priority -5
                    vrrp_rt_priority 20
                    lvs_timeouts tcp 900 udp 30
                    lvs_flush
                    lvs_flush_on_stop VS
                    checker_log_all_failures
                }
                """);
        // enable_script_security refuses the scripts it cannot vouch for, each with its own line
        assertThat(messages(result)).containsExactly(
                "keepalived.conf:15:20: warning: script /etc/keepalived/start.sh is disabled by enable_script_security: "
                        + "/etc/keepalived/start.sh does not exist",
                "keepalived.conf:18:29: warning: script /etc/keepalived/fifo.sh is disabled by enable_script_security: "
                        + "user keepalived_script or group scripts does not exist");
        GlobalDefs globals = result.config().orElseThrow().globalDefs();
        assertThat(globals.startupScript().orElseThrow().runnable()).isFalse();
        assertThat(globals.vrrpNotifyFifo().orElseThrow().script().orElseThrow().refused())
                .contains("user keepalived_script or group scripts does not exist");

        assertThat(globals.routerId()).isEqualTo("LVS_DEVEL");
        Notification notification = globals.notification();
        assertThat(notification.emails()).containsExactly("acassen@firewall.loc", "My admin <admin@example.com>",
                "sysadmin@firewall.loc");
        assertThat(notification.emailFrom()).isEqualTo("Alexandre.Cassen@firewall.loc");
        assertThat(notification.smtpServer()).contains(new Notification.SmtpServer("192.168.200.1", 2525));
        assertThat(notification.smtpHeloName()).isEqualTo("lb1");
        assertThat(notification.smtpConnectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(notification.smtpAlertChecker()).contains(false);
        assertThat(notification.smtpAlert()).isEmpty();
        assertThat(notification.noEmailFaults()).isTrue();
        assertThat(globals.scriptSecurity().scriptUser()).contains("keepalived_script");
        assertThat(globals.scriptSecurity().scriptGroup()).contains("scripts");
        assertThat(globals.scriptSecurity().enableScriptSecurity()).isTrue();
        assertThat(globals.startupScript().orElseThrow().argv()).containsExactly("/etc/keepalived/start.sh", "now");
        assertThat(globals.startupScript().orElseThrow().user()).contains("root");
        assertThat(globals.startupScriptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(globals.vrrpNotifyFifo().orElseThrow().path()).isEqualTo("/run/keepalived.fifo");
        assertThat(globals.vrrpNotifyFifo().orElseThrow().group()).contains("wheel");
        assertThat(globals.vrrpNotifyFifo().orElseThrow().script().orElseThrow().program()).isEqualTo("/etc/keepalived/fifo.sh");
        assertThat(globals.notifyFifo()).isEmpty();
        VrrpGlobals vrrp = globals.vrrp();
        assertThat(vrrp.mcastGroup4().getHostAddress()).isEqualTo("224.0.0.19");
        assertThat(vrrp.mcastGroup6().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:13");
        assertThat(vrrp.defaultInterface()).isEqualTo("bond0");
        assertThat(vrrp.version()).isEqualTo(3);
        assertThat(vrrp.garp()).isEqualTo(new GarpSettings(Duration.ofSeconds(10), 2, Duration.ofSeconds(60), 1,
                Duration.ofSeconds(10), 2, Optional.of(new GarpSettings.ExtraInterfaces(Duration.ofSeconds(100), true))));
        assertThat(vrrp.garpInterval()).isEqualTo(Duration.ofMillis(1));
        assertThat(vrrp.strict()).isTrue();
        assertThat(vrrp.checkUnicastSrc()).isTrue();
        assertThat(vrrp.downTimerAdverts()).isEqualTo(5);
        assertThat(vrrp.startupDelay()).isEqualTo(Duration.ofMillis(5500));
        assertThat(vrrp.dynamicInterfaces()).isEqualTo(VrrpGlobals.DynamicInterfaces.ALLOW_IF_CHANGES);
        assertThat(vrrp.nftables()).isEqualTo(new Nftables("lb_vrrp", -150, true));
        assertThat(vrrp.scheduling()).isEqualTo(new Scheduling(-5, 20));
        assertThat(globals.lvs()).isEqualTo(new LvsGlobals(Optional.of(Duration.ofSeconds(900)), Optional.empty(),
                Optional.of(Duration.ofSeconds(30)), true, LvsGlobals.FlushOnStop.VIRTUAL_SERVERS, true, false));
    }

    @Test
    void minGarpSendsOneMessageAndNoSecondBurst() {
        GlobalDefs globals = globals("global_defs {\n vrrp_min_garp\n}\n");

        assertThat(globals.vrrp().garp()).isEqualTo(new GarpSettings(Duration.ZERO, 1, Duration.ZERO, 1, Duration.ZERO, 1,
                Optional.empty()));
    }

    @Test
    void badGlobalValuesAreReported() {
        ConfigResult result = read("""
                global_defs {
                    vrrp_mcast_group4 192.0.2.1
                    smtp_server mail.example.com 99999
                    lvs_timeouts tcp 900 sctp 3
                    vrrp_garp_extra_if all
                    vrrp_rt_priority 0
                    vrrp_priority 20
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:23: error: vrrp_mcast_group4: '192.0.2.1' is not valid; expected an IPv4 multicast address",
                "keepalived.conf:3:34: error: smtp_server: '99999' is not valid; expected an integer from 1 to 65535",
                "keepalived.conf:4:26: error: lvs_timeouts: 'sctp' is not valid; expected one of tcp, tcpfin, udp",
                "keepalived.conf:5:24: error: vrrp_garp_extra_if: missing value; expected vrrp_garp_extra_if [all] SECONDS",
                "keepalived.conf:6:22: error: vrrp_rt_priority: '0' is not valid; expected an integer from 1 to 99",
                "keepalived.conf:7:19: error: vrrp_priority: '20' is not valid; expected an integer from -20 to 19");
    }
}
