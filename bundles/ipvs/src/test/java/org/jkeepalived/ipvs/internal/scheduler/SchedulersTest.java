package org.jkeepalived.ipvs.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The schedulers against sequences worked out by hand from the kernel's definitions. Lists are in
 * the kernel's order, newest first.
 */
class SchedulersTest {

    private static final Flow FLOW = flow("203.0.113.1", 40000);

    private final TestDestination a = new TestDestination("A", "198.51.100.1", 80, 1);
    private final TestDestination b = new TestDestination("B", "198.51.100.2", 80, 1);
    private final TestDestination c = new TestDestination("C", "198.51.100.3", 80, 1);

    @Test
    void roundRobinWalksTheListAndSkipsQuiescentAndOverloaded() {
        RoundRobin rr = new RoundRobin();
        List<TestDestination> list = changed(rr, List.of(a, b, c));
        assertThat(sequence(rr, list, 6)).isEqualTo("ABCABC");

        b.weight(0);
        assertThat(sequence(rr, list, 4)).isEqualTo("ACAC");
        c.overloaded = true;
        assertThat(sequence(rr, list, 2)).isEqualTo("AA");
        a.weight(0);
        assertThat(rr.schedule(list, FLOW)).isNull();
    }

    @Test
    void roundRobinGoesOnAfterTheRemovedOneWhenTheLastChosenIsRemoved() {
        RoundRobin rr = new RoundRobin();
        List<TestDestination> list = changed(rr, List.of(a, b, c));
        assertThat(sequence(rr, list, 2)).isEqualTo("AB");

        list = removed(rr, list, b);
        assertThat(sequence(rr, list, 3)).isEqualTo("CAC");
    }

    @Test
    void weightedRoundRobinGivesEachItsWeightInInterleavedPasses() {
        WeightedRoundRobin wrr = new WeightedRoundRobin();
        a.weight(4);
        b.weight(3);
        c.weight(2);
        List<TestDestination> list = changed(wrr, List.of(a, b, c));

        // passes with cw = 4, 3, 2, 1
        assertThat(sequence(wrr, list, 18)).isEqualTo("AABABCABC" + "AABABCABC");
    }

    @Test
    void weightedRoundRobinStepsByTheGreatestCommonDivisor() {
        WeightedRoundRobin wrr = new WeightedRoundRobin();
        a.weight(4);
        b.weight(2);
        List<TestDestination> list = changed(wrr, List.of(a, b));

        // di = 2, mw = 4 - 1 = 3: passes with cw = 3 then 1
        assertThat(sequence(wrr, list, 6)).isEqualTo("AABAAB");
    }

    @Test
    void weightedRoundRobinProportionsAndQuiescence() {
        WeightedRoundRobin wrr = new WeightedRoundRobin();
        a.weight(5);
        b.weight(1);
        c.weight(0);
        List<TestDestination> list = changed(wrr, List.of(a, b, c));

        assertThat(counts(wrr, list, 600)).isEqualTo(Map.of("A", 500, "B", 100));
    }

    @Test
    void weightedRoundRobinRestartsFromTheHeadWhenAWeightChanges() {
        WeightedRoundRobin wrr = new WeightedRoundRobin();
        a.weight(2);
        b.weight(2);
        List<TestDestination> list = changed(wrr, List.of(a, b));
        assertThat(sequence(wrr, list, 1)).isEqualTo("A");

        b.weight(4);
        changed(wrr, list);
        // Back at the head with di = 2, mw = 3 and cw = (1 / 2) * 2 + 1 = 1: the pass with cw = 1 ends, then cw = 3
        assertThat(sequence(wrr, list, 3)).isEqualTo("ABB");
    }

    @Test
    void weightedRoundRobinWithAllOverloadedGivesNone() {
        WeightedRoundRobin wrr = new WeightedRoundRobin();
        a.weight(3);
        b.weight(1);
        List<TestDestination> list = changed(wrr, List.of(a, b));
        a.overloaded = true;
        b.overloaded = true;
        assertThat(wrr.schedule(list, FLOW)).isNull();
        b.overloaded = false;
        assertThat(sequence(wrr, list, 3)).isEqualTo("BBB");
    }

    @Test
    void leastConnectionWeighsAnActiveConnectionAs256Inactive() {
        LeastConnection lc = new LeastConnection();
        List<TestDestination> list = List.of(a, b, c);
        a.active = 1;
        b.inactive = 255;
        c.active = 1;
        assertThat(lc.schedule(list, FLOW)).isSameAs(b);

        b.inactive = 256;
        assertThat(lc.schedule(list, FLOW)).as("equal overhead: the first in the list").isSameAs(a);

        b.weight(9).inactive = 0;
        c.weight(0);
        c.active = 0;
        assertThat(lc.schedule(list, FLOW)).as("weight does not count, but weight 0 is quiescent").isSameAs(b);
    }

    @Test
    void weightedLeastConnectionDividesTheOverheadByTheWeight() {
        SchedulingAlgorithm wlc = WeightedLeastConnection.wlc();
        List<TestDestination> list = List.of(a, b);
        a.weight(1).active = 1;
        b.weight(3).active = 2;
        // 256 / 1 > 512 / 3
        assertThat(wlc.schedule(list, FLOW)).isSameAs(b);

        b.active = 3;
        // 256 / 1 = 768 / 3: the first
        assertThat(wlc.schedule(list, FLOW)).isSameAs(a);

        a.overloaded = true;
        assertThat(wlc.schedule(list, FLOW)).isSameAs(b);
    }

    @Test
    void weightedLeastConnectionPrefersTheIdle() {
        SchedulingAlgorithm wlc = WeightedLeastConnection.wlc();
        List<TestDestination> list = List.of(a, b, c);
        a.active = 3;
        b.active = 1;
        assertThat(wlc.schedule(list, FLOW)).isSameAs(c);
    }

    @Test
    void shortestExpectedDelayCountsActiveConnectionsPlusOne() {
        SchedulingAlgorithm sed = WeightedLeastConnection.sed();
        List<TestDestination> list = List.of(a, b);
        a.weight(1);
        b.weight(3).active = 1;
        b.inactive = 1000;
        // (0 + 1) / 1 > (1 + 1) / 3: inactive connections do not count
        assertThat(sed.schedule(list, FLOW)).isSameAs(b);

        b.active = 2;
        // 1 / 1 = 3 / 3: the first
        assertThat(sed.schedule(list, FLOW)).isSameAs(a);
    }

    @Test
    void neverQueueSendsToAnIdleDestinationFirst() {
        SchedulingAlgorithm nq = WeightedLeastConnection.nq();
        a.weight(10).active = 1;
        b.weight(1);
        // sed would choose A (2/10 < 1/1); nq takes the idle B
        assertThat(nq.schedule(List.of(a, b), FLOW)).isSameAs(b);
        assertThat(WeightedLeastConnection.sed().schedule(List.of(a, b), FLOW)).isSameAs(a);
    }

    @Test
    void failoverSendsEverythingToTheHighestWeight() {
        WeightedFailover fo = new WeightedFailover();
        a.weight(1);
        b.weight(5);
        c.weight(5);
        List<TestDestination> list = List.of(a, b, c);
        assertThat(fo.schedule(list, FLOW)).isSameAs(b);
        b.overloaded = true;
        assertThat(fo.schedule(list, FLOW)).isSameAs(c);
        c.weight(0);
        assertThat(fo.schedule(list, FLOW)).isSameAs(a);
    }

    @Test
    void overflowFillsTheHighestWeightUpToItsWeightThenTheNext() {
        WeightedOverflow ovf = new WeightedOverflow();
        a.weight(2);
        b.weight(1);
        List<TestDestination> list = List.of(a, b);
        a.active = 2;
        assertThat(ovf.schedule(list, FLOW)).as("active equal to the weight still takes one").isSameAs(a);
        a.active = 3;
        assertThat(ovf.schedule(list, FLOW)).isSameAs(b);
        b.active = 2;
        assertThat(ovf.schedule(list, FLOW)).isNull();
    }

    @Test
    void twoRandomChoicesTakesTheLessLoadedOfTwoDrawnByWeight() {
        TwoRandomChoices twos = new TwoRandomChoices(new SplittableRandom(7));
        a.weight(1);
        b.weight(1);
        a.active = 5;
        List<TestDestination> list = List.of(a, b);
        // Draws in [0, 2] over weights 1, 1 pick A for 0 and 1, B for 2: A is drawn twice with
        // probability 4/9, and only then wins.
        Map<String, Integer> counts = counts(twos, list, 3000);
        assertThat(counts.get("A")).isBetween(1150, 1500);

        b.weight(0);
        assertThat(counts(twos, list, 10)).isEqualTo(Map.of("A", 10));
    }

    @Test
    void sourceHashingGivesEachDestinationAsManyBucketsAsItsWeight() {
        SourceHashing sh = new SourceHashing(false, false);
        a.weight(1);
        b.weight(2);
        c.weight(3);
        List<TestDestination> list = changed(sh, List.of(a, b, c));

        // Buckets 0, 1..2, 3..5, then again from the head: 6 of every 6 buckets repeat A B B C C C.
        Map<String, Integer> buckets = new TreeMap<>();
        for (int bucket = 0; bucket < SourceHashing.TABLE_SIZE; bucket++) {
            buckets.merge(bucket % 6 == 0 ? "A" : bucket % 6 < 3 ? "B" : "C", 1, Integer::sum);
        }
        Map<String, Integer> bySource = new TreeMap<>();
        for (int i = 0; i < 4096; i++) {
            Flow flow = flow("10." + (i >> 8) + "." + (i & 0xFF) + ".1", 1);
            bySource.merge(sh.schedule(list, flow).toString(), 1, Integer::sum);
        }
        assertThat(bySource.keySet()).containsExactly("A", "B", "C");
        assertThat(bySource.get("C")).isGreaterThan(bySource.get("A"));
    }

    @Test
    void sourceHashingBucketOfAKnownAddress() {
        // 203.0.113.1: hash_32(0xCB007101, 8) = (0xCB007101 * 0x61C88647 mod 2^32) >> 24 = 0x320DDD47 >> 24
        assertThat(SourceHashing.bucket(0xCB007101, 0)).isEqualTo(0x32);
        assertThat(SourceHashing.bucket(0xCB007101, 0xE0)).isEqualTo(0x12);
    }

    @Test
    void sourceHashingWithoutFallbackDropsTheClientsOfAnUnavailableDestination() {
        SourceHashing sh = new SourceHashing(false, false);
        List<TestDestination> list = changed(sh, List.of(a, b, c));
        Flow flow = flowTo(sh, list, a);
        a.weight(0);
        assertThat(sh.schedule(list, flow)).isNull();

        SourceHashing withFallback = new SourceHashing(true, false);
        a.weight(1);
        changed(withFallback, list);
        a.weight(0);
        assertThat(withFallback.schedule(list, flow)).isIn(b, c);
    }

    @Test
    void sourceHashingWithPortSpreadsOneClientsConnections() {
        SourceHashing sh = new SourceHashing(false, true);
        List<TestDestination> list = changed(sh, List.of(a, b, c));
        Map<String, Integer> counts = new TreeMap<>();
        for (int port = 40000; port < 40300; port++) {
            counts.merge(sh.schedule(list, flow("203.0.113.7", port)).toString(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactly("A", "B", "C");

        SourceHashing withoutPort = new SourceHashing(false, false);
        changed(withoutPort, list);
        assertThat(withoutPort.schedule(list, flow("203.0.113.7", 1))).isSameAs(withoutPort.schedule(list, flow("203.0.113.7", 2)));
    }

    @Test
    void destinationHashingSendsEveryConnectionToOneAddressAlike() {
        DestinationHashing dh = new DestinationHashing();
        List<TestDestination> list = changed(dh, List.of(a, b, c));
        Schedulable first = dh.schedule(list, flow("203.0.113.1", 1));
        for (int i = 2; i < 50; i++) {
            assertThat(dh.schedule(list, flow("203.0.113." + i, i))).isSameAs(first);
        }
        // 192.0.2.100 is 0xC0000264; times 2654435761 its low byte is 0x24: bucket 36, filled by 36 % 3 = the first
        assertThat(first).isSameAs(a);
    }

    @Test
    void maglevFillsTheWholeTableByWeightAndMovesFewClientsWhenOneGoes() {
        MaglevHashing mh = new MaglevHashing(false, false);
        a.weight(1);
        b.weight(2);
        c.weight(3);
        List<TestDestination> list = changed(mh, List.of(a, b, c));
        Map<String, String> before = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            String source = "10." + (i >> 8) + "." + (i & 0xFF) + ".9";
            String chosen = mh.schedule(list, flow(source, 1)).toString();
            before.put(source, chosen);
            counts.merge(chosen, 1, Integer::sum);
        }
        // shares near 1:2:3
        assertThat(counts.get("A")).isBetween(300, 700);
        assertThat(counts.get("C")).isBetween(1200, 1800);

        List<TestDestination> withoutB = removed(mh, list, b);
        int moved = 0;
        for (Map.Entry<String, String> client : before.entrySet()) {
            String now = mh.schedule(withoutB, flow(client.getKey(), 1)).toString();
            if (!client.getValue().equals("B") && !now.equals(client.getValue())) {
                moved++;
            }
        }
        // Maglev keeps most clients of the remaining destinations where they were.
        assertThat(moved).isLessThan(before.size() / 10);
    }

    @Test
    void maglevKeepsAQuiescentDestinationsPlaceByItsLastWeight() {
        MaglevHashing mh = new MaglevHashing(false, false);
        List<TestDestination> list = changed(mh, List.of(a, b, c));
        Flow flow = flowTo(mh, list, b);
        b.weight(0);
        changed(mh, list);
        assertThat(mh.schedule(list, flow)).isNull();
        b.weight(1);
        changed(mh, list);
        assertThat(mh.schedule(list, flow)).isSameAs(b);

        MaglevHashing withFallback = new MaglevHashing(true, false);
        changed(withFallback, list);
        b.weight(0);
        changed(withFallback, list);
        assertThat(withFallback.schedule(list, flow)).isIn(a, c);
    }

    private static <D extends Schedulable> List<D> changed(SchedulingAlgorithm algorithm, List<D> current) {
        algorithm.destinationsChanged(current);
        return current;
    }

    private static <D extends Schedulable> List<D> removed(SchedulingAlgorithm algorithm, List<D> previous, D removed) {
        int index = previous.indexOf(removed);
        List<D> current = new ArrayList<>(previous);
        current.remove(index);
        algorithm.destinationRemoved(removed, index == 0 ? null : previous.get(index - 1), current);
        return current;
    }

    private static String sequence(SchedulingAlgorithm algorithm, List<TestDestination> list, int count) {
        StringBuilder sequence = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sequence.append(algorithm.schedule(list, FLOW));
        }
        return sequence.toString();
    }

    private static Map<String, Integer> counts(SchedulingAlgorithm algorithm, List<TestDestination> list, int count) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            counts.merge(algorithm.schedule(list, FLOW).toString(), 1, Integer::sum);
        }
        return counts;
    }

    /** A client that the scheduler sends to {@code target}. */
    private static Flow flowTo(SchedulingAlgorithm algorithm, List<TestDestination> list, TestDestination target) {
        List<Flow> tried = new ArrayList<>();
        for (int i = 1; i < 255; i++) {
            Flow flow = flow("203.0.113." + i, 1);
            if (algorithm.schedule(list, flow) == target) {
                return flow;
            }
            tried.add(flow);
        }
        throw new AssertionError("no client of 203.0.113.0/24 goes to " + target);
    }

    static Flow flow(String source, int port) {
        try {
            return new Flow(InetAddress.getByName(source), port, InetAddress.getByName("192.0.2.100"));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
