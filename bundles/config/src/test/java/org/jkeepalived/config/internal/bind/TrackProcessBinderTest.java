package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.api.Configs.messages;
import static org.jkeepalived.config.api.Configs.read;
import static org.jkeepalived.config.api.Configs.valid;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.TrackProcess.ParameterMatch;
import org.jkeepalived.config.api.model.vrrp.TrackedProcess;
import org.junit.jupiter.api.Test;

class TrackProcessBinderTest {

    @Test
    void aProcessAloneTakesKeepalivedsDefaults() {
        TrackProcess process = valid("""
                vrrp_track_process haproxy {
                    process haproxy
                }
                """).trackProcess("haproxy").orElseThrow();

        assertThat(process).isEqualTo(new TrackProcess("haproxy", "haproxy", List.of(), Optional.empty(), 0, false, 1,
                Optional.empty(), Duration.ZERO, Duration.ZERO, false));
        assertThat(process.readsCommandLine()).isFalse();
    }

    @Test
    void everyKeywordIsBound() {
        KeepalivedConfig config = valid("""
                vrrp_track_process workers {
                    process "/usr/sbin/my daemon" -c "/etc/my daemon.conf"
                    param_match partial
                    weight -20 reverse
                    quorum 2
                    quorum_max 4
                    fork_delay 1.5
                    terminate_delay 0.25
                    full_command
                }
                vrrp_track_process nginx {
                    process nginx
                    delay 3
                }
                """);

        assertThat(config.trackProcess("workers").orElseThrow()).isEqualTo(new TrackProcess("workers", "/usr/sbin/my daemon",
                List.of("-c", "/etc/my daemon.conf"), Optional.of(ParameterMatch.PARTIAL), -20, true, 2, Optional.of(4),
                Duration.ofMillis(1500), Duration.ofMillis(250), true));
        TrackProcess nginx = config.trackProcess("nginx").orElseThrow();
        assertThat(nginx.forkDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(nginx.terminateDelay()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void parametersMatchExactlyUnlessParamMatchSaysOtherwise() {
        KeepalivedConfig config = valid("""
                vrrp_track_process exact {
                    process sleep 1000
                }
                vrrp_track_process initial {
                    process sleep 10
                    param_match initial
                }
                vrrp_track_process bare {
                    process sleep
                    param_match partial
                }
                vrrp_track_process absent {
                    process sleep
                    quorum_max 0
                }
                """);

        TrackProcess exact = config.trackProcess("exact").orElseThrow();
        assertThat(exact.parameters()).containsExactly("1000");
        assertThat(exact.parameterMatch()).contains(ParameterMatch.EXACT);
        assertThat(exact.readsCommandLine()).isTrue();
        assertThat(config.trackProcess("initial").orElseThrow().parameterMatch()).contains(ParameterMatch.INITIAL);
        // param_match without parameters: the command must have none
        TrackProcess bare = config.trackProcess("bare").orElseThrow();
        assertThat(bare.parameters()).isEmpty();
        assertThat(bare.parameterMatch()).contains(ParameterMatch.PARTIAL);
        // quorum_max 0 alone: up while no such process runs
        TrackProcess absent = config.trackProcess("absent").orElseThrow();
        assertThat(absent.quorum()).isZero();
        assertThat(absent.quorumMax()).contains(0);
    }

    @Test
    void instancesAndGroupsTrackProcessesWithTheBlocksWeightUnlessTheyGiveTheirOwn() {
        KeepalivedConfig config = valid("""
                vrrp_track_process haproxy {
                    process haproxy
                    weight 10
                }
                vrrp_track_process maintenance {
                    process maint
                    weight -30 reverse
                }
                vrrp_sync_group G1 {
                    group {
                        VI_2 VI_3
                    }
                    track_process {
                        haproxy weight 0
                    }
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    track_process {
                        haproxy
                        haproxy weight -20 reverse
                        maintenance noreverse
                    }
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 2
                    no_virtual_ipaddress
                }
                vrrp_instance VI_3 {
                    interface eth0
                    virtual_router_id 3
                    no_virtual_ipaddress
                }
                """);

        assertThat(config.vrrpInstance("VI_1").orElseThrow().trackProcesses()).containsExactly(
                new TrackedProcess("haproxy", 10, false), new TrackedProcess("haproxy", -20, true),
                new TrackedProcess("maintenance", -30, false));
        assertThat(config.syncGroup("G1").orElseThrow().trackProcesses()).containsExactly(new TrackedProcess("haproxy", 0, false));
    }

    @Test
    void membersOfASyncGroupDropWeightedProcessesUnlessTheGroupKeepsWeights() {
        ConfigResult result = read("""
                vrrp_track_process haproxy {
                    process haproxy
                    weight 10
                }
                vrrp_track_process sshd {
                    process sshd
                }
                vrrp_sync_group G1 {
                    group {
                        VI_1 VI_2
                    }
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    track_process {
                        haproxy
                        sshd
                    }
                    no_virtual_ipaddress
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 2
                    no_virtual_ipaddress
                }
                """);

        assertThat(messages(result)).containsExactly("keepalived.conf:13:1: warning: vrrp_instance VI_1: track_process haproxy "
                + "has a weight and is ignored in vrrp_sync_group G1 (add sync_group_tracking_weight to keep it)");
        assertThat(result.config().orElseThrow().vrrpInstance("VI_1").orElseThrow().trackProcesses())
                .containsExactly(new TrackedProcess("sshd", 0, false));
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        ConfigResult result = read("""
                vrrp_track_process no_process {
                    weight 5
                }
                vrrp_track_process crowded {
                    process worker
                    quorum 3
                    quorum_max 2
                }
                vrrp_track_process odd {
                    process worker
                    param_match fuzzy
                    weight 255
                    quorum -1
                    fork_delay soon
                }
                vrrp_track_process long_name {
                    process a_very_long_process_name
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    track_process {
                        missing
                        long_name weight 300
                        long_name backwards
                    }
                    no_virtual_ipaddress
                }
                """);

        assertThat(messages(result)).containsExactly(
                "keepalived.conf:1:1: error: vrrp_track_process no_process has no process; expected process NAME [PARAMETER ...]",
                "keepalived.conf:7:16: error: vrrp_track_process crowded: quorum_max 2 is less than quorum 3; "
                        + "no number of processes would be up",
                "keepalived.conf:11:17: error: param_match: 'fuzzy' is not valid; expected one of initial, partial",
                "keepalived.conf:12:12: error: weight: '255' is not valid; expected an integer from -254 to 254",
                "keepalived.conf:13:12: error: quorum: '-1' is not valid; expected an integer from 0 to 2147483647",
                "keepalived.conf:14:16: error: fork_delay: 'soon' is not valid; expected a time in seconds from 0 to 86400",
                "keepalived.conf:17:13: warning: vrrp_track_process long_name: 'a_very_long_process_name' is longer than the "
                        + "15 bytes the kernel keeps of a process name; its first 15 are matched (full_command matches the "
                        + "whole command)",
                "keepalived.conf:23:9: error: track_process: no vrrp_track_process named 'missing'",
                "keepalived.conf:24:26: error: track_process: '300' is not valid; expected an integer from -254 to 254",
                "keepalived.conf:25:19: error: track_process: unexpected 'backwards'; expected track_process entries as "
                        + "NAME [weight <-254..254>] [reverse|noreverse]");
        assertThat(result.config()).isEmpty();
    }
}
