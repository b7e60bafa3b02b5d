package org.jkeepalived.shell.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.healthcheck.api.CheckFailure;
import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthService;
import org.jkeepalived.healthcheck.api.RealServerHealth;

/**
 * Lists every real server with its state, weight and checkers; with a real server's address, the
 * timers and counters of its checkers.
 */
@Command(scope = "keepalived", name = "checks",
        description = "Lists the real servers: state, weight, checkers and last failure; with an address, their checkers in detail")
@Service
public final class ChecksCommand implements Action {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Reference
    HealthService health;

    @Argument(index = 0, name = "real-server",
            description = "Shows the checkers of the real servers at this address, or address:port, in detail")
    String realServer;

    @Override
    public Object execute() {
        List<RealServerHealth> servers = health.snapshot();
        if (realServer == null) {
            table(servers);
            summary(servers, health.statistics());
        } else {
            List<RealServerHealth> matching = servers.stream().filter(server -> matches(server, realServer)).toList();
            if (matching.isEmpty()) {
                System.out.println("No real server at " + realServer + " is checked");
            }
            matching.forEach(this::details);
        }
        return null;
    }

    private static void table(List<RealServerHealth> servers) {
        ShellTable table = new ShellTable();
        table.column("Virtual server");
        table.column("Real server");
        table.column("State");
        table.column("Weight").alignRight();
        table.column("Checkers");
        table.column("Last failure");
        for (RealServerHealth server : servers) {
            table.addRow().addContent(
                    server.key().virtualServerName(),
                    server.key().realServerName(),
                    server.up() ? "up" : "down",
                    server.weight(),
                    server.checkers().isEmpty() ? "none" : server.checkers().stream().map(ChecksCommand::brief)
                            .collect(Collectors.joining(", ")),
                    lastFailure(server.checkers()));
        }
        table.print(System.out);
    }

    private static void summary(List<RealServerHealth> servers, CheckStatistics statistics) {
        long up = servers.stream().filter(RealServerHealth::up).count();
        System.out.printf("%d real servers: %d up, %d down; %d checkers running, %d probes started, "
                + "probe start lateness p50 %s, p99 %s, max %s%n", servers.size(), up, servers.size() - up,
                statistics.checkersRunning(), statistics.probesStarted(), millis(statistics.latenessP50()),
                millis(statistics.latenessP99()), millis(statistics.latenessMax()));
    }

    private void details(RealServerHealth server) {
        System.out.println(server.key().realServerName() + " of VS " + server.key().virtualServerName() + ": "
                + (server.up() ? "up" : "down") + " since " + TIME.format(server.since()) + ", weight " + server.weight()
                + (server.weight() != server.configuredWeight() ? " (configured " + server.configuredWeight() + ")" : ""));
        Optional<List<CheckerDetail>> checkers = health.checkers(server.key());
        for (CheckerDetail checker : checkers.orElse(List.of())) {
            CheckerState state = checker.state();
            System.out.println("  " + state.name() + " -> " + checker.target() + ": " + (state.up() ? "up" : "down")
                    + " since " + TIME.format(state.since()) + (state.detail().isEmpty() ? "" : " (" + state.detail() + ")"));
            System.out.println("    plugin " + checker.plugin().orElse("none") + "; delay_loop " + seconds(checker.delayLoop())
                    + ", retry " + checker.retry() + ", delay_before_retry " + seconds(checker.delayBeforeRetry())
                    + "; retries done " + checker.retriesDone());
            System.out.println("    " + checker.probes() + " probes, " + checker.failures() + " failed"
                    + checker.lastProbe().map(at -> "; last " + TIME.format(at)).orElse("")
                    + checker.nextProbe().map(at -> "; next " + TIME.format(at)).orElse("")
                    + state.lastFailure().map(failure -> "; last failure " + TIME.format(failure.at()) + ": " + failure.reason())
                            .orElse(""));
        }
    }

    private static boolean matches(RealServerHealth server, String wanted) {
        String address = IpAddresses.format(server.key().address());
        return wanted.equals(address) || wanted.equals(address + ":" + server.key().port())
                || wanted.equals("[" + address + "]:" + server.key().port());
    }

    private static String brief(CheckerState checker) {
        return checker.keyword() + " " + (checker.up() ? "up" : "down") + (checker.running() ? "" : " (" + checker.detail() + ")");
    }

    private static String lastFailure(List<CheckerState> checkers) {
        return checkers.stream()
                .filter(checker -> checker.lastFailure().isPresent())
                .max(Comparator.comparing(checker -> checker.lastFailure().get().at()))
                .map(checker -> {
                    CheckFailure failure = checker.lastFailure().get();
                    return TIME.format(failure.at()) + " " + checker.keyword() + ": " + failure.reason();
                })
                .orElse("");
    }

    private static String millis(Duration duration) {
        return String.format("%.1f ms", duration.toNanos() / 1e6);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
