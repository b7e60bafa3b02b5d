package org.jkeepalived.metrics.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.lvs.api.RealServerStatus;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.metrics.internal.MetricFamily.Label;
import org.jkeepalived.metrics.internal.MetricFamily.Sample;
import org.jkeepalived.metrics.internal.MetricFamily.Type;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.TrackedStatus;
import org.jkeepalived.vrrp.api.VrrpCounter;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;

/**
 * The metrics of one {@link Reading}, under the names keepalived_exporter gives the same numbers
 * where it has them ({@code keepalived_vrrp_state}, {@code keepalived_advertisements_sent_total},
 * ...). VRRP series carry keepalived_exporter's labels {@code iname}, {@code intf} and {@code vrid};
 * real server series carry {@code virtual_server} and {@code real_server} as keepalived's logs name
 * them.
 */
final class MetricFamilies {

    private MetricFamilies() {
    }

    static List<MetricFamily> of(Reading reading) {
        List<MetricFamily> families = new ArrayList<>();
        vrrp(reading, families);
        virtualServers(reading, families);
        checkers(reading, families);
        return families;
    }

    private static void vrrp(Reading reading, List<MetricFamily> families) {
        List<VrrpInstanceStatus> instances = reading.instances();
        families.add(perInstance("keepalived_vrrp_state",
                "State of the VRRP instance: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, as keepalived numbers them",
                Type.GAUGE, instances, instance -> instance.state().keepalivedNumber()));
        families.add(perInstance("keepalived_vrrp_priority", "Configured priority of the VRRP instance", Type.GAUGE,
                instances, VrrpInstanceStatus::priority));
        families.add(perInstance("keepalived_vrrp_effective_priority",
                "Priority the VRRP instance advertises, after the weights of its tracked objects", Type.GAUGE,
                instances, VrrpInstanceStatus::effectivePriority));
        families.add(perInstance("keepalived_vrrp_last_transition_timestamp_seconds",
                "When the VRRP instance last changed state, in seconds since the epoch", Type.GAUGE, instances,
                instance -> instance.lastTransition().toEpochMilli() / 1000.0));
        counter(families, "keepalived_advertisements_received_total", "Advertisements the VRRP instance accepted",
                instances, VrrpCounter.ADVERTS_RECEIVED);
        counter(families, "keepalived_advertisements_sent_total", "Advertisements the VRRP instance sent", instances,
                VrrpCounter.ADVERTS_SENT);
        counter(families, "keepalived_become_master_total", "Transitions of the VRRP instance to MASTER", instances,
                VrrpCounter.BECAME_MASTER);
        counter(families, "keepalived_release_master_total", "Transitions of the VRRP instance out of MASTER",
                instances, VrrpCounter.RELEASED_MASTER);
        counter(families, "keepalived_priority_zero_received_total",
                "Priority 0 advertisements received: a master handing over", instances, VrrpCounter.PRIORITY_ZERO_RECEIVED);
        counter(families, "keepalived_priority_zero_sent_total", "Priority 0 advertisements sent: this router handing over",
                instances, VrrpCounter.PRIORITY_ZERO_SENT);
        List<Sample> drops = new ArrayList<>();
        for (VrrpInstanceStatus instance : instances) {
            // every reason, those never seen as 0, so that rate() sees the first drop
            for (DropReason reason : DropReason.values()) {
                List<Label> labels = new ArrayList<>(instanceLabels(instance));
                labels.add(new Label("reason", reason.name().toLowerCase(Locale.ROOT)));
                drops.add(new Sample(labels, instance.drops().getOrDefault(reason, 0L)));
            }
        }
        families.add(new MetricFamily("keepalived_vrrp_dropped_packets_total",
                "Received packets the VRRP instance dropped, by reason", Type.COUNTER, drops));
        List<Sample> tracked = new ArrayList<>();
        for (VrrpInstanceStatus instance : instances) {
            for (TrackedStatus object : instance.tracked()) {
                List<Label> labels = new ArrayList<>(instanceLabels(instance));
                labels.add(new Label("kind", object.kind().name().toLowerCase(Locale.ROOT)));
                labels.add(new Label("name", object.name()));
                tracked.add(new Sample(labels, object.up() ? 1 : 0));
            }
        }
        families.add(new MetricFamily("keepalived_vrrp_tracked_up",
                "Whether an object the VRRP instance tracks is up (interface, script, file, process)", Type.GAUGE, tracked));
        families.add(new MetricFamily("keepalived_vrrp_sync_group_state",
                "State of the VRRP sync group: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT", Type.GAUGE,
                reading.syncGroups().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(group -> new Sample(List.of(new Label("group", group.getKey())), group.getValue().keepalivedNumber()))
                        .toList()));
    }

    private static void virtualServers(Reading reading, List<MetricFamily> families) {
        List<Sample> quorum = new ArrayList<>();
        List<Sample> liveWeight = new ArrayList<>();
        List<Sample> up = new ArrayList<>();
        List<Sample> weight = new ArrayList<>();
        List<Sample> configured = new ArrayList<>();
        for (VirtualServerStatus server : reading.virtualServers()) {
            List<Label> vs = List.of(new Label("virtual_server", server.name()));
            quorum.add(new Sample(vs, server.quorumUp() ? 1 : 0));
            liveWeight.add(new Sample(vs, server.liveWeight()));
            for (RealServerStatus real : server.realServers()) {
                List<Label> rs = List.of(new Label("virtual_server", server.name()), new Label("real_server", real.endpoint()));
                up.add(new Sample(rs, real.up() ? 1 : 0));
                weight.add(new Sample(rs, real.dataPlaneWeight().orElse(0)));
                configured.add(new Sample(rs, real.configuredWeight()));
            }
        }
        families.add(new MetricFamily("keepalived_virtual_server_quorum_up",
                "Whether the live weight of the virtual server's real servers reaches its quorum", Type.GAUGE, quorum));
        families.add(new MetricFamily("keepalived_virtual_server_live_weight",
                "Weight of the virtual server's real servers that are up", Type.GAUGE, liveWeight));
        families.add(new MetricFamily("keepalived_real_server_up", "Whether the real server's checkers say it is up",
                Type.GAUGE, up));
        families.add(new MetricFamily("keepalived_real_server_weight",
                "Weight of the real server in the data plane; 0 when it is not there", Type.GAUGE, weight));
        families.add(new MetricFamily("keepalived_real_server_configured_weight",
                "Weight of the real server in the configuration", Type.GAUGE, configured));
    }

    private static void checkers(Reading reading, List<MetricFamily> families) {
        List<Sample> up = new ArrayList<>();
        List<Sample> probes = new ArrayList<>();
        List<Sample> failures = new ArrayList<>();
        List<Sample> probeTime = new ArrayList<>();
        List<Sample> lastDuration = new ArrayList<>();
        long checkersUp = 0;
        long checkersDown = 0;
        for (RealServerHealth health : reading.health()) {
            List<CheckerDetail> details = reading.checkers().getOrDefault(health.key(), List.of());
            for (int i = 0; i < health.checkers().size(); i++) {
                CheckerState checker = health.checkers().get(i);
                List<Label> labels = checkerLabels(health.key(), checker);
                up.add(new Sample(labels, checker.up() ? 1 : 0));
                if (checker.up()) {
                    checkersUp++;
                } else {
                    checkersDown++;
                }
                if (i < details.size()) {
                    CheckerDetail detail = details.get(i);
                    probes.add(new Sample(labels, detail.probes()));
                    failures.add(new Sample(labels, detail.failures()));
                    probeTime.add(new Sample(labels, seconds(detail.probeTimeTotal())));
                    detail.lastProbeDuration().ifPresent(duration -> lastDuration.add(new Sample(labels, seconds(duration))));
                }
            }
        }
        families.add(new MetricFamily("keepalived_checker_up", "Whether the real server's checker says it is up",
                Type.GAUGE, up));
        families.add(new MetricFamily("keepalived_checkers", "Checkers up and down", Type.GAUGE, List.of(
                new Sample(List.of(new Label("state", "up")), checkersUp),
                new Sample(List.of(new Label("state", "down")), checkersDown))));
        families.add(new MetricFamily("keepalived_checker_probes_total", "Probes the checker ran", Type.COUNTER, probes));
        families.add(new MetricFamily("keepalived_checker_probe_failures_total", "Probes of the checker that failed",
                Type.COUNTER, failures));
        families.add(new MetricFamily("keepalived_checker_probe_seconds_total",
                "Time the checker's probes took, from start to outcome: over keepalived_checker_probes_total, their mean",
                Type.COUNTER, probeTime));
        families.add(new MetricFamily("keepalived_checker_last_probe_duration_seconds",
                "Time the checker's last probe took, from start to outcome", Type.GAUGE, lastDuration));
        reading.checkStatistics().ifPresent(statistics -> lateness(statistics, families));
    }

    /** How late probes start against their deadlines: the engine's measure of its own load. */
    private static void lateness(CheckStatistics statistics, List<MetricFamily> families) {
        families.add(new MetricFamily("keepalived_checker_probes_started_total", "Probes started since the engine started",
                Type.COUNTER, List.of(new Sample(List.of(), statistics.probesStarted()))));
        families.add(new MetricFamily("keepalived_checker_start_lateness_seconds",
                "How late probes start against their deadlines, by quantile (1 is the latest)", Type.GAUGE, List.of(
                        new Sample(List.of(new Label("quantile", "0.5")), seconds(statistics.latenessP50())),
                        new Sample(List.of(new Label("quantile", "0.99")), seconds(statistics.latenessP99())),
                        new Sample(List.of(new Label("quantile", "1")), seconds(statistics.latenessMax())))));
    }

    private static List<Label> checkerLabels(RealServerKey key, CheckerState checker) {
        return List.of(new Label("virtual_server", key.virtualServerName()), new Label("real_server", IpAddresses.endpoint(key.address(), key.port())),
                new Label("checker", checker.keyword()),
                new Label("location", checker.location().file() + ":" + checker.location().line()));
    }

    private static MetricFamily perInstance(String name, String help, Type type, List<VrrpInstanceStatus> instances,
            ToDoubleFunction<VrrpInstanceStatus> value) {
        return new MetricFamily(name, help, type,
                instances.stream().map(instance -> new Sample(instanceLabels(instance), value.applyAsDouble(instance))).toList());
    }

    private static void counter(List<MetricFamily> families, String name, String help, List<VrrpInstanceStatus> instances,
            VrrpCounter counter) {
        families.add(perInstance(name, help + " (keepalived's " + counter.jsonName() + ")", Type.COUNTER, instances,
                counter::of));
    }

    private static List<Label> instanceLabels(VrrpInstanceStatus instance) {
        return List.of(new Label("iname", instance.name()), new Label("intf", instance.interfaceName().orElse("")),
                new Label("vrid", Integer.toString(instance.virtualRouterId())));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
