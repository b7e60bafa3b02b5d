package org.jkeepalived.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;
import org.junit.jupiter.api.Test;

class StatsCommandTest {

    @Test
    void countsEachInstanceUnderKeepalivedsCounters() {
        VrrpInstanceStatus first = instance("VI_1", 10, 20, 1, Map.of(DropReason.TRUNCATED, 2L, DropReason.LENGTH_MISMATCH, 3L,
                DropReason.TTL, 1L, DropReason.UNICAST_TTL, 4L, DropReason.AUTH_FAILURE, 6L, DropReason.UNKNOWN_VRID, 7L));
        VrrpInstanceStatus second = instance("VI_2", 5, 0, 0, Map.of(DropReason.ADDRESS_LIST, 8L,
                DropReason.UNEXPECTED_DESTINATION, 1L));

        String output = print(List.of(first, second));

        assertThat(output.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .containsSubsequence("Counter", "VI_1", "VI_2"));
        assertThat(row(output, "Advertisements received")).containsExactly(10L, 5L);
        assertThat(row(output, "Advertisements sent")).containsExactly(20L, 0L);
        assertThat(row(output, "Became master")).containsExactly(1L, 0L);
        assertThat(row(output, "Packet errors: length")).containsExactly(5L, 0L);
        assertThat(row(output, "Packet errors: TTL")).containsExactly(5L, 0L);
        assertThat(row(output, "Packet errors: address list")).containsExactly(0L, 9L);
        assertThat(row(output, "Authentication errors: failure")).containsExactly(6L, 0L);
        assertThat(row(output, "Other packets dropped")).containsExactly(7L, 0L);
    }

    @Test
    void countsMastershipBothWaysAndPriorityZeroAdverts() {
        VrrpInstanceStatus status = new VrrpInstanceStatus("VI_1", VrrpState.BACKUP, 51, 2, Optional.of("eth0"), 100,
                "192.0.2.1", List.of(), 40, 30, 3, 2, 1, 4, Map.of(), 100, Instant.EPOCH, List.of());

        String output = print(List.of(status));

        assertThat(row(output, "Became master")).containsExactly(3L);
        assertThat(row(output, "Released master")).containsExactly(2L);
        assertThat(row(output, "Priority zero received")).containsExactly(1L);
        assertThat(row(output, "Priority zero sent")).containsExactly(4L);
    }

    @Test
    void everyReasonToDropIsCountedOnceOnSomeLine() {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        long total = 0;
        for (DropReason reason : DropReason.values()) {
            long count = 1L << reason.ordinal();
            drops.put(reason, count);
            total += count;
        }

        String output = print(List.of(instance("VI_1", 0, 0, 0, drops)));

        long printed = output.lines()
                .filter(line -> line.contains("errors") || line.contains("dropped"))
                .mapToLong(line -> Long.parseLong(line.replaceAll(".*\\|\\s*(\\d+)\\s*$", "$1")))
                .sum();
        assertThat(printed).isEqualTo(total);
    }

    @Test
    void saysSoWhenNoInstanceRuns() {
        assertThat(print(List.of())).isEqualTo("No VRRP instance runs\n");
    }

    private static VrrpInstanceStatus instance(String name, long received, long sent, long becameMaster, Map<DropReason, Long> drops) {
        return new VrrpInstanceStatus(name, VrrpState.MASTER, 51, 2, Optional.of("eth0"), 100, "192.0.2.1",
                List.of("192.0.2.100/32 dev eth0"), sent, received, becameMaster, 0, 0, 0, drops, 100, Instant.EPOCH, List.of());
    }

    /** The numbers of the line that starts with {@code counter}. */
    private static List<Long> row(String output, String counter) {
        String line = output.lines().filter(candidate -> candidate.startsWith(counter + " ")).findFirst().orElseThrow();
        Matcher numbers = Pattern.compile("\\|\\s*(\\d+)").matcher(line);
        List<Long> values = new ArrayList<>();
        while (numbers.find()) {
            values.add(Long.parseLong(numbers.group(1)));
        }
        return values;
    }

    private static String print(List<VrrpInstanceStatus> instances) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatsCommand.print(instances, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
