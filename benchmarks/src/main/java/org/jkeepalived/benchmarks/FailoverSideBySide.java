package org.jkeepalived.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.testing.netns.KeepalivedPeer;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * Failover time of a backup router, jkeepalived's and Debian keepalived's on the same segment and
 * the same faults, one after the other. The master is always keepalived, started afresh for each
 * trial; the backup under test runs throughout. A trial kills the master with SIGKILL, or takes its
 * link down, and times how long the backup takes to hold each virtual address (its kernel answers
 * for it from then on), from the kernel's own address event; a link's fault is timed by the master's
 * kernel too, a kill by the harness just before it. {@code -Ddaemons=jkeepalived} measures one backup
 * alone; the backups' logs stay in the temporary directory printed at the end. Two instances run side by side: VRRPv2
 * with advert_int 1 and VRRPv3 with advert_int 0.1.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl benchmarks exec:exec@failover -Dtrials=30
 * </pre>
 */
public final class FailoverSideBySide {

    private static final String VIP2 = "192.0.2.102";
    private static final String VIP3 = "192.0.2.103";
    /** Master_Down_Interval of a backup of priority 100 (RFC 5798 section 6.1): 3 intervals plus the skew. */
    private static final Map<String, Duration> MASTER_DOWN = Map.of(
            VIP2, Duration.ofNanos(3_000_000_000L + (256 - 100) * 1_000_000_000L / 256),
            VIP3, Duration.ofNanos(300_000_000L + (256 - 100) * 100_000_000L / 256));
    private static final Pattern ADDRESS_EVENT = Pattern.compile("^\\[([0-9T:.-]+)\\]\\s+\\d+: eth0\\s+inet ([0-9.]+)/");
    /** The master's eth0 going down: its flags without UP. */
    private static final Pattern LINK_DOWN_EVENT = Pattern.compile("^\\[([0-9T:.-]+)\\]\\s+\\d+: eth0[@:][^<]*<(?![^>]*\\bUP\\b)[^>]*>");

    private final Path directory;
    private final NetworkNamespace hub = NetworkNamespace.create();
    private final NetworkNamespace masterHost = NetworkNamespace.create();
    private final NetworkNamespace backupHost = NetworkNamespace.create();

    private FailoverSideBySide(Path directory) {
        this.directory = directory;
        Links.bridge(hub, "br0", "eth0", masterHost, backupHost);
        hub.execOrFail("ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        masterHost.execOrFail("ip", "addr", "add", "192.0.2.1/24", "dev", "eth0");
        backupHost.execOrFail("ip", "addr", "add", "192.0.2.2/24", "dev", "eth0");
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.getInteger("trials", 30);
        Path distribution = Path.of(System.getProperty("distribution"));
        Path directory = Files.createTempDirectory("failover");
        FailoverSideBySide bench = new FailoverSideBySide(directory);
        Map<String, Map<String, List<Duration>>> results = new LinkedHashMap<>();
        List<String> daemons = List.of(System.getProperty("daemons", "keepalived,jkeepalived").split(","));
        try {
            if (daemons.contains("keepalived")) {
                results.put("keepalived", bench.measure(() -> KeepalivedPeer.start(bench.backupHost, directory,
                        config(100, "BACKUP")), trials));
            }
            if (daemons.contains("jkeepalived")) {
                results.put("jkeepalived", bench.measure(() -> bench.startJkeepalived(distribution), trials));
            }
            System.err.println("logs in " + directory);
        } finally {
            bench.close();
        }
        print(results, trials);
    }

    /** Something started that {@link #measure} stops when done. */
    private interface Backup {
        AutoCloseable start() throws Exception;
    }

    private Map<String, List<Duration>> measure(Backup backup, int trials) throws Exception {
        Map<String, List<Duration>> times = new LinkedHashMap<>();
        try (AutoCloseable running = backup.start()) {
            // alone on the segment, the backup becomes master: it is up
            awaitHolder(backupHost, masterHost, Duration.ofSeconds(120));
            for (String fault : List.of("SIGKILL", "link down")) {
                for (int trial = 0; trial < trials; trial++) {
                    Map<String, Duration> takeover = trial(fault);
                    System.err.printf("%s trial %d: %s%n", fault, trial + 1, takeover);
                    takeover.forEach((vip, time) -> times.computeIfAbsent(fault + " " + label(vip), k -> new ArrayList<>()).add(time));
                }
            }
        }
        return times;
    }

    /** One fault: the master is started, holds both addresses, then fails; the backup's takeovers are timed. */
    private Map<String, Duration> trial(String fault) throws Exception {
        masterHost.execOrFail("ip", "link", "set", "eth0", "up");
        KeepalivedPeer master = KeepalivedPeer.start(masterHost, directory, config(150, "MASTER"));
        try {
            awaitHolder(masterHost, backupHost, Duration.ofSeconds(30));
            Map<String, Instant> added = new ConcurrentHashMap<>();
            Process monitor = backupHost.processBuilder("ip", "-ts", "monitor", "address", "dev", "eth0").start();
            Thread reader = monitor(monitor, ADDRESS_EVENT, event -> {
                if (!event.group(0).contains("Deleted")) {
                    added.putIfAbsent(event.group(2), timestamp(event));
                }
            });
            // the link's fault is timed by the master's kernel: starting ip(8) takes tens of ms
            AtomicReference<Instant> linkDown = new AtomicReference<>();
            Process linkMonitor = masterHost.processBuilder("ip", "-ts", "monitor", "link").start();
            Thread linkReader = monitor(linkMonitor, LINK_DOWN_EVENT, event -> linkDown.compareAndSet(null, timestamp(event)));
            Thread.sleep(200 + (long) (Math.random() * 1000)); // a fault at any point of the advert interval
            Instant failed = Instant.now();
            if (fault.equals("SIGKILL")) {
                master.close();
            } else {
                masterHost.execOrFail("ip", "link", "set", "eth0", "down");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((added.size() < 2 || fault.equals("link down") && linkDown.get() == null) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            monitor.destroy();
            linkMonitor.destroy();
            reader.join(2000);
            linkReader.join(2000);
            if (added.size() < 2) {
                throw new IllegalStateException(fault + ": the backup did not take both addresses within 10 s: " + added.keySet());
            }
            if (fault.equals("link down")) {
                failed = linkDown.get();
                if (failed == null) {
                    throw new IllegalStateException("the master's kernel reported no link down within 10 s");
                }
            }
            Map<String, Duration> takeover = new LinkedHashMap<>();
            for (String vip : List.of(VIP2, VIP3)) {
                takeover.put(vip, Duration.between(failed, added.get(vip)));
            }
            return takeover;
        } finally {
            master.close();
            masterHost.execOrFail("ip", "link", "set", "eth0", "up");
            masterHost.exec("ip", "addr", "del", VIP2 + "/24", "dev", "eth0");
            masterHost.exec("ip", "addr", "del", VIP3 + "/24", "dev", "eth0");
        }
    }

    /** Reads {@code ip -ts monitor}, handing each line that matches {@code event} to {@code handler}. */
    private static Thread monitor(Process monitor, Pattern event, Consumer<Matcher> handler) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    Matcher matched = event.matcher(line);
                    if (matched.find()) {
                        handler.accept(matched);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "ip-monitor");
        reader.start();
        return reader;
    }

    /** @return the time {@code ip -ts} stamped on the event, its first group */
    private static Instant timestamp(Matcher event) {
        return LocalDateTime.parse(event.group(1)).atZone(ZoneId.systemDefault()).toInstant();
    }

    private static void awaitHolder(NetworkNamespace holder, NetworkNamespace other, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String held = holder.execOrFail("ip", "-o", "addr", "show", "dev", "eth0");
            String otherHeld = other.execOrFail("ip", "-o", "addr", "show", "dev", "eth0");
            if (held.contains(VIP2 + "/") && held.contains(VIP3 + "/") && !otherHeld.contains(VIP2 + "/")
                    && !otherHeld.contains(VIP3 + "/")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(holder + " did not come to hold both addresses alone within " + within + "; it has "
                + holder.execOrFail("ip", "-o", "-4", "addr", "show", "dev", "eth0") + " and " + other + " has "
                + other.execOrFail("ip", "-o", "-4", "addr", "show", "dev", "eth0"));
    }

    private AutoCloseable startJkeepalived(Path archive) throws IOException {
        UnpackedDistribution distribution = UnpackedDistribution.unpack(archive, directory);
        Path config = Files.writeString(directory.resolve("jkeepalived.conf"), config(100, "BACKUP"));
        Process process = distribution.start(backupHost, "jkeepalived", config);
        return () -> UnpackedDistribution.stop(process);
    }

    private void close() {
        masterHost.close();
        backupHost.close();
        hub.close();
    }

    private static String label(String vip) {
        return vip.equals(VIP2) ? "VRRPv2 advert_int 1" : "VRRPv3 advert_int 0.1";
    }

    private static String config(int priority, String state) {
        return """
                vrrp_instance V2 {
                    state %2$s
                    interface eth0
                    virtual_router_id 51
                    priority %1$d
                    advert_int 1
                    virtual_ipaddress {
                        %3$s/24
                    }
                }
                vrrp_instance V3 {
                    state %2$s
                    interface eth0
                    version 3
                    virtual_router_id 52
                    priority %1$d
                    advert_int 0.1
                    virtual_ipaddress {
                        %4$s/24
                    }
                }
                """.formatted(priority, state, VIP2, VIP3);
    }

    private static void print(Map<String, Map<String, List<Duration>>> results, int trials) {
        System.out.printf("Failover: time from the fault to the backup holding the address, %d trials each (ms)%n%n", trials);
        System.out.printf("%-32s %-12s %8s %8s %8s %16s%n", "fault", "backup", "p50", "p99", "max", "Master_Down");
        Map<String, List<Duration>> keepalived = results.get("keepalived");
        Map<String, List<Duration>> jkeepalived = results.get("jkeepalived");
        for (String scenario : results.values().iterator().next().keySet()) {
            Duration masterDown = MASTER_DOWN.get(scenario.contains("0.1") ? VIP3 : VIP2);
            for (String backup : results.keySet()) {
                List<Duration> times = results.get(backup).get(scenario);
                System.out.printf("%-32s %-12s %8.1f %8.1f %8.1f %16.1f%n", scenario, backup, millis(percentile(times, 50)),
                        millis(percentile(times, 99)), millis(percentile(times, 100)), millis(masterDown));
            }
            if (keepalived != null && jkeepalived != null) {
                System.out.printf("%-32s %-12s %8.2f %8.2f%n", scenario, "ratio jk/ka",
                        millis(percentile(jkeepalived.get(scenario), 50)) / millis(percentile(keepalived.get(scenario), 50)),
                        millis(percentile(jkeepalived.get(scenario), 99)) / millis(percentile(keepalived.get(scenario), 99)));
            }
        }
    }

    private static Duration percentile(List<Duration> times, int percent) {
        List<Duration> sorted = times.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
