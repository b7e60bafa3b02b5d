package org.jkeepalived.shell.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.config.api.ConfigService;
import org.jkeepalived.core.api.Product;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.lvs.api.VirtualServerService;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;
import org.jkeepalived.vrrp.api.VrrpState;

/**
 * One screen on the whole process: version and uptime, the configuration that runs, VRRP instances
 * by state, virtual and real servers up, checker plugins and the data plane. A part that does not
 * run says so instead of hiding the others.
 */
@Command(scope = "keepalived", name = "status",
        description = "Summarises jkeepalived: version, uptime, configuration, VRRP instances by state, "
                + "virtual and real servers up, checker plugins, data plane")
@Service
public final class StatusCommand implements Action {

    @Reference
    ConfigService config;

    @Reference(optional = true)
    VrrpService vrrp;

    @Reference(optional = true)
    VirtualServerService virtualServers;

    @Reference(optional = true)
    CheckerRegistry checkers;

    @Reference(optional = true)
    DataPlane dataPlane;

    @Override
    public Object execute() {
        System.out.println(Product.NAME + " " + Product.version() + " (keepalived " + Product.keepalivedVersion() + "), up "
                + uptime(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
        System.out.println("Configuration:   " + config.configFile() + (config.generation() == 0
                ? ", none applied yet" : ", generation " + config.generation()));
        System.out.println("VRRP:            " + (vrrp == null ? "not running" : vrrp(vrrp.instances())));
        System.out.println("Virtual servers: " + (virtualServers == null ? "not running" : virtualServers()));
        System.out.println("Checkers:        " + (checkers == null ? "not running" : checkers(checkers.registrations())));
        System.out.println("Data plane:      " + (dataPlane == null ? "none" : dataPlane.backend().configName()));
        return null;
    }

    private String virtualServers() {
        try {
            return virtualServers(virtualServers.virtualServers());
        } catch (IllegalStateException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    /** @return {@code 3 d 04:05:06}, or {@code 04:05:06} under a day */
    static String uptime(Duration uptime) {
        String clock = String.format("%02d:%02d:%02d", uptime.toHoursPart(), uptime.toMinutesPart(), uptime.toSecondsPart());
        return uptime.toDays() == 0 ? clock : uptime.toDays() + " d " + clock;
    }

    /** @return {@code 3 instances: 2 MASTER, 1 BACKUP}, states in the order of {@link VrrpState} */
    static String vrrp(List<VrrpInstanceStatus> instances) {
        Map<VrrpState, Long> byState = instances.stream()
                .collect(Collectors.groupingBy(VrrpInstanceStatus::state, () -> new EnumMap<>(VrrpState.class), Collectors.counting()));
        return count(instances.size(), "instance") + (byState.isEmpty() ? "" : ": " + byState.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", ")));
    }

    /** @return {@code 2 virtual servers, 1 with quorum; real servers 3/4 up; 1 sorry server in use} */
    static String virtualServers(List<VirtualServerStatus> servers) {
        long withQuorum = servers.stream().filter(VirtualServerStatus::quorumUp).count();
        long sorry = servers.stream().filter(VirtualServerStatus::sorryServerInUse).count();
        long reals = servers.stream().mapToLong(server -> server.realServers().size()).sum();
        long realsUp = servers.stream().mapToLong(VirtualServerStatus::realServersUp).sum();
        return count(servers.size(), "virtual server") + ", " + withQuorum + " with quorum; real servers " + realsUp + "/" + reals
                + " up" + (sorry == 0 ? "" : "; " + count(sorry, "sorry server") + " in use");
    }

    /** @return {@code 8 plugins serving 9 keywords} */
    static String checkers(List<CheckerRegistration> registrations) {
        long plugins = registrations.stream().map(CheckerRegistration::bundleId).distinct().count();
        long keywords = registrations.stream().map(CheckerRegistration::keyword).distinct().count();
        return count(plugins, "plugin") + " serving " + count(keywords, "keyword");
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
