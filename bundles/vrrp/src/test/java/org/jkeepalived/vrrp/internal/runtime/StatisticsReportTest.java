package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

class StatisticsReportTest {

    @Test
    void aMasterIsWrittenLineForLineAsKeepalivedWritesIt() {
        // what Debian's keepalived 2.2.7 wrote to /tmp/keepalived.stats on SIGUSR2, a few seconds after becoming master
        String keepalived = """
                VRRP Instance: VI_1
                  Advertisements:
                    Received: 0
                    Sent: 4
                  Became master: 1
                  Released master: 0
                  Packet Errors:
                    Length: 0
                    TTL: 0
                    Invalid Type: 0
                    Advertisement Interval: 0
                    Address List: 0
                  Authentication Errors:
                    Invalid Type: 0
                    Type Mismatch: 0
                    Failure: 0
                  Priority Zero:
                    Received: 0
                    Sent: 0
                """;

        assertThat(StatisticsReport.format(List.of(status("VI_1", 0, 4, 1, 0, 0, 0, Map.of())))).isEqualTo(keepalived);
    }

    @Test
    void dropsAreSummedUnderKeepalivedsCountersAndEachInstanceHasItsBlock() {
        VrrpInstanceStatus first = status("VI_1", 10, 20, 2, 1, 3, 1, Map.of(DropReason.TRUNCATED, 2L,
                DropReason.LENGTH_MISMATCH, 3L, DropReason.UNICAST_TTL, 4L, DropReason.ADDRESS_LIST, 5L,
                DropReason.UNEXPECTED_DESTINATION, 1L, DropReason.AUTH_FAILURE, 6L, DropReason.UNKNOWN_VRID, 9L));
        VrrpInstanceStatus second = status("VI_2", 0, 0, 0, 0, 0, 0, Map.of(DropReason.ADVERT_INTERVAL, 7L));

        String text = StatisticsReport.format(List.of(first, second));

        String firstBlock = text.substring(0, text.indexOf("VRRP Instance: VI_2"));
        assertThat(firstBlock).contains("    Received: 10\n    Sent: 20\n  Became master: 2\n  Released master: 1\n")
                .contains("    Length: 5\n    TTL: 4\n")
                .contains("    Address List: 6\n")
                .contains("    Failure: 6\n")
                .endsWith("  Priority Zero:\n    Received: 3\n    Sent: 1\n");
        assertThat(text.substring(text.indexOf("VRRP Instance: VI_2"))).contains("    Advertisement Interval: 7\n");
    }

    private static VrrpInstanceStatus status(String name, long received, long sent, long becameMaster, long releasedMaster,
            long priorityZeroReceived, long priorityZeroSent, Map<DropReason, Long> drops) {
        return new VrrpInstanceStatus(name, VrrpState.MASTER, 51, 2, Optional.of("eth0"), 100, "192.0.2.1", List.of(),
                sent, received, becameMaster, releasedMaster, priorityZeroReceived, priorityZeroSent, drops, 100,
                Instant.EPOCH, List.of());
    }
}
