package org.jkeepalived.vrrp.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedProcess;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.junit.jupiter.api.Test;

class InstanceTrackingTest {

    private static final Map<String, Boolean> NONE = Map.of();

    private static TrackedStates states(Map<String, Boolean> linksUp, Map<String, Boolean> scriptsUp) {
        return new TrackedStates(linksUp, scriptsUp, Map.of(), Map.of());
    }

    private static TrackedStates files(Map<String, Long> values) {
        return new TrackedStates(NONE, NONE, values, NONE);
    }

    private static TrackedStates processes(Map<String, Boolean> processesUp) {
        return new TrackedStates(NONE, NONE, Map.of(), processesUp);
    }

    private static InstanceTracking tracking(int priority, TrackedProcess... processes) {
        return new InstanceTracking(Optional.empty(), priority, List.of(), List.of(), List.of(), List.of(processes));
    }

    @Test
    void aProcessWeighsWhileUpIfPositiveAndWhileDownIfNegative() {
        InstanceTracking tracking = tracking(100, new TrackedProcess("haproxy", 20, false),
                new TrackedProcess("nginx", -30, false));

        assertThat(tracking.priority(processes(Map.of("haproxy", true, "nginx", true)))).isEqualTo(120);
        assertThat(tracking.priority(processes(Map.of("haproxy", false, "nginx", true)))).isEqualTo(100);
        assertThat(tracking.priority(processes(Map.of("haproxy", true, "nginx", false)))).isEqualTo(90);
        assertThat(tracking.fault(processes(Map.of()))).isFalse();
    }

    @Test
    void aProcessOfWeightZeroMakesAFaultWhileDownOrWithReverseWhileUp() {
        InstanceTracking tracking = tracking(100, new TrackedProcess("haproxy", 0, false));
        InstanceTracking reversed = tracking(100, new TrackedProcess("maintenance", 0, true));

        assertThat(tracking.fault(processes(Map.of("haproxy", true)))).isFalse();
        assertThat(tracking.fault(processes(Map.of("haproxy", false)))).isTrue();
        // not counted yet: down
        assertThat(tracking.fault(processes(Map.of()))).isTrue();
        assertThat(reversed.fault(processes(Map.of("maintenance", true)))).isTrue();
        assertThat(reversed.fault(processes(Map.of("maintenance", false)))).isFalse();
    }

    @Test
    void aReversedProcessWeighsTheOtherWayAndAnOwnerKeeps255() {
        TrackedProcess maintenance = new TrackedProcess("maintenance", -50, true);

        assertThat(tracking(100, maintenance).priority(processes(Map.of("maintenance", false)))).isEqualTo(100);
        assertThat(tracking(100, maintenance).priority(processes(Map.of("maintenance", true)))).isEqualTo(50);
        assertThat(tracking(255, maintenance).priority(processes(Map.of("maintenance", true)))).isEqualTo(255);
        assertThat(tracking(100, maintenance).status(processes(Map.of("maintenance", true)))).containsExactly(
                new TrackedStatus(TrackedStatus.Kind.PROCESS, "maintenance", -50, true, true, OptionalLong.empty()));
    }

    @Test
    void aTrackFileAddsItsValueTimesItsWeightAndBelowMinus253MakesAFault() {
        InstanceTracking tracking = new InstanceTracking(Optional.empty(), 100, List.of(), List.of(),
                List.of(new TrackedFile("load", 2, false), new TrackedFile("drain", 1, true), new TrackedFile("stop", 0, false)), List.of());

        assertThat(tracking.priority(files(Map.of()))).isEqualTo(100);
        assertThat(tracking.priority(files(Map.of("load", 10L, "drain", 30L)))).isEqualTo(90);
        assertThat(tracking.fault(files(Map.of("load", -126L)))).isFalse();
        assertThat(tracking.fault(files(Map.of("load", -127L)))).isTrue();
        assertThat(tracking.fault(files(Map.of("stop", 1L)))).isTrue();
        assertThat(tracking.fault(files(Map.of("stop", 0L)))).isFalse();
    }

    @Test
    void aPositiveWeightCountsWhileUpAndANegativeOneWhileDown() {
        InstanceTracking tracking = new InstanceTracking(Optional.of("eth0"), 100,
                List.of(new TrackedInterface("eth1", 10, false)),
                List.of(new TrackedScript("chk_up", 20, false), new TrackedScript("chk_down", -30, false)), List.of(), List.of());

        assertThat(tracking.priority(states(NONE, NONE))).isEqualTo(130);
        assertThat(tracking.priority(states(Map.of("eth1", false), Map.of("chk_down", false)))).isEqualTo(90);
        assertThat(tracking.priority(states(NONE, Map.of("chk_up", false)))).isEqualTo(110);
        assertThat(tracking.fault(states(Map.of("eth1", false), Map.of("chk_up", false, "chk_down", false)))).isFalse();
    }

    @Test
    void theStatusListsEachTrackedObjectWithItsState() {
        InstanceTracking tracking = new InstanceTracking(Optional.of("eth0"), 100,
                List.of(new TrackedInterface("eth1", -10, false)),
                List.of(new TrackedScript("chk_web", -20, true)),
                List.of(new TrackedFile("load", 0, false)), List.of());

        List<TrackedStatus> status = tracking.status(new TrackedStates(Map.of("eth1", false), Map.of("chk_web", true),
                Map.of("load", 3L), NONE));

        assertThat(status).containsExactly(
                new TrackedStatus(TrackedStatus.Kind.INTERFACE, "eth1", -10, false, false, OptionalLong.empty()),
                new TrackedStatus(TrackedStatus.Kind.SCRIPT, "chk_web", -20, true, true, OptionalLong.empty()),
                // weight 0: any value but 0 is a FAULT
                new TrackedStatus(TrackedStatus.Kind.FILE, "load", 0, false, false, OptionalLong.of(3)));
    }

    @Test
    void reverseSwapsUpAndDown() {
        InstanceTracking tracking = new InstanceTracking(Optional.empty(), 100, List.of(),
                List.of(new TrackedScript("maintenance", -50, true)), List.of(), List.of());

        assertThat(tracking.priority(states(NONE, Map.of("maintenance", false)))).isEqualTo(100);
        assertThat(tracking.priority(states(NONE, Map.of("maintenance", true)))).isEqualTo(50);
    }

    @Test
    void theOwnInterfaceAndWeightZeroObjectsMakeAFault() {
        InstanceTracking tracking = new InstanceTracking(Optional.of("eth0"), 100,
                List.of(new TrackedInterface("eth1", 0, false)), List.of(new TrackedScript("chk", 0, false)), List.of(), List.of());

        assertThat(tracking.fault(states(NONE, NONE))).isFalse();
        assertThat(tracking.fault(states(Map.of("eth0", false), NONE))).isTrue();
        assertThat(tracking.fault(states(Map.of("eth1", false), NONE))).isTrue();
        assertThat(tracking.fault(states(NONE, Map.of("chk", false)))).isTrue();
        assertThat(tracking.fault(states(Map.of("eth0", true, "eth1", true), Map.of("chk", true)))).isFalse();
    }

    @Test
    void thePriorityStaysWithinOneTo254AndAnOwnersAt255() {
        List<TrackedScript> big = List.of(new TrackedScript("plus", 200, false), new TrackedScript("minus", -200, false));

        assertThat(new InstanceTracking(Optional.empty(), 100, List.of(), big, List.of(), List.of()).priority(states(NONE, NONE))).isEqualTo(254);
        assertThat(new InstanceTracking(Optional.empty(), 100, List.of(), big, List.of(), List.of())
                .priority(states(NONE, Map.of("plus", false, "minus", false)))).isEqualTo(1);
        assertThat(new InstanceTracking(Optional.empty(), 255, List.of(), big, List.of(), List.of())
                .priority(states(NONE, Map.of("plus", false, "minus", false)))).isEqualTo(255);
    }
}
