package org.jkeepalived.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.support.completers.ArgumentCommandLine;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

class VrrpInstanceCompleterTest {

    private final VrrpInstanceCompleter completer = new VrrpInstanceCompleter();

    VrrpInstanceCompleterTest() {
        completer.vrrp = new VrrpService() {
            @Override
            public List<VrrpInstanceStatus> instances() {
                return List.of(instance("VI_WEB"), instance("VI_WAN"), instance("DB"));
            }

            @Override
            public Map<String, VrrpState> syncGroupStates() {
                return Map.of();
            }
        };
    }

    @Test
    void completesTheNamesOfTheRunningInstancesThatStartWithWhatIsTyped() {
        assertThat(complete("VI_W")).containsExactlyInAnyOrder("VI_WEB ", "VI_WAN ");
        assertThat(complete("D")).containsExactly("DB ");
        assertThat(complete("X")).isEmpty();
    }

    private List<String> complete(String typed) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, new ArgumentCommandLine(typed, typed.length()), candidates);
        return candidates;
    }

    private static VrrpInstanceStatus instance(String name) {
        return new VrrpInstanceStatus(name, VrrpState.BACKUP, 51, 2, Optional.of("eth0"), 100, "192.0.2.1", List.of(), 0, 0, 0, 0, 0, 0,
                Map.of(), 100, Instant.EPOCH, List.of());
    }
}
