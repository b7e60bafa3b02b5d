package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.lvs.Scheduler;
import org.junit.jupiter.api.Test;

/** How keywords that do not fit are reported: as a compiler reports, with file, line, column and the form expected. */
class KeywordDiagnosticsTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                virtual_ipaddress {
                    192.0.2.1
                }
            %s
            }
            """;

    @Test
    void anUnknownKeywordIsAnErrorThatSuggestsTheNearestOne() {
        ConfigResult result = read(INSTANCE.formatted("    prority 100\n    frobnicate"));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:7:5: error: unknown keyword 'prority' in vrrp_instance VI_1; did you mean 'priority'?",
                "keepalived.conf:8:5: error: unknown keyword 'frobnicate' in vrrp_instance VI_1");
        assertThat(result.config()).isEmpty();
    }

    @Test
    void aValueThatDoesNotFitSaysWhatIsExpected() {
        ConfigResult result = read(INSTANCE.formatted("    priority 256\n    advert_int fast\n    state SLAVE\n"
                + "    preempt_delay 1001\n    unicast_src_ip 192.0.2.300\n    smtp_alert maybe"));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:7:14: error: priority: '256' is not valid; expected an integer from 1 to 255",
                "keepalived.conf:8:16: error: advert_int: 'fast' is not valid; expected a time in seconds from 0.01 to 255",
                "keepalived.conf:9:11: error: state: 'SLAVE' is not valid; expected one of BACKUP, MASTER",
                "keepalived.conf:10:19: error: preempt_delay: '1001' is not valid; expected a time in seconds from 0 to 1000",
                "keepalived.conf:11:20: error: unicast_src_ip: '192.0.2.300' is not valid; expected an IPv4 or IPv6 address",
                "keepalived.conf:12:16: error: smtp_alert: 'maybe' is not valid; expected on, off, true, false, yes or no");
    }

    @Test
    void aMissingValueIsAnErrorAndAnExtraOneAWarning() {
        ConfigResult result = read(INSTANCE.formatted("    priority\n    version 3 please"));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:7:5: error: priority: missing value; expected priority <1-255>",
                "keepalived.conf:8:15: warning: version: 'please' ignored; expected version <2-3>");
    }

    @Test
    void aDeprecatedKeywordStillWorksAndNamesItsReplacement() {
        ConfigResult result = read("""
                virtual_server 192.0.2.1 80 {
                    lb_algo rr
                    protocol TCP
                    real_server 192.0.2.2 80 {
                    }
                }
                """);

        assertThat(messages(result)).containsExactly("keepalived.conf:2:5: warning: 'lb_algo' is deprecated; use 'lvs_sched'");
        assertThat(result.config().orElseThrow().virtualServers().get(0).scheduler()).isEqualTo(Scheduler.RR);
    }

    @Test
    void whatJkeepalivedIgnoresIsAWarningAndWhatItCannotDoYetAnError() {
        ConfigResult result = read("""
                global_defs {
                    enable_snmp_vrrp
                    checker_rt_priority 50
                    lvs_sync_daemon eth1 VI_1
                }
                net_namespace blue
                """ + INSTANCE.formatted("    use_ipvlan"));

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:2:5: warning: 'enable_snmp_vrrp' is ignored: jkeepalived has no SNMP agent",
                "keepalived.conf:3:5: warning: 'checker_rt_priority' is ignored: the JVM's scheduling is set where it is started (bin/setenv)",
                "keepalived.conf:4:5: error: 'lvs_sync_daemon' is not supported yet: the IPVS connection sync daemon is not managed",
                "keepalived.conf:6:1: error: 'net_namespace' is not supported yet: run jkeepalived in the namespace with -s NAME",
                "keepalived.conf:13:5: error: 'use_ipvlan' is not supported yet: use use_vmac");
    }

    @Test
    void blocksMustBeWhereKeywordsTakeThem() {
        ConfigResult result = read("""
                global_defs
                vrrp_instance VI_1 {
                    priority 100 {
                    }
                }
                """);

        assertThat(messages(result)).containsSubsequence(
                "keepalived.conf:1:1: error: 'global_defs' needs a block: global_defs { ... }",
                "keepalived.conf:3:5: error: 'priority' takes no block; expected priority <1-255>");
    }

    @Test
    void aNameUsedTwiceIsAnError() {
        ConfigResult result = read("vrrp_script chk {\n script true\n}\nvrrp_script chk {\n script false\n}\n");

        assertThat(messages(result)).containsExactly("keepalived.conf:4:13: error: vrrp_script: 'chk' is defined twice");
    }
}
