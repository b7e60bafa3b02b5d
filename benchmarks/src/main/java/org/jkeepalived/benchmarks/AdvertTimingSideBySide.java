package org.jkeepalived.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.Links;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * How punctually a master sends its adverts, jkeepalived beside Debian keepalived: each alone as
 * master of a VRRPv2 instance (advert_int 1) and a VRRPv3 one (advert_int 0.1), watched by tcpdump
 * on another host of the segment. The lateness of an advert is how much later than one interval
 * after the previous one it arrives. Idle, then under load: two processes spinning on the CPUs, a
 * reload (SIGHUP) every 10 s, and for jkeepalived also 10,000 TCP_CHECKs of real servers on
 * loopback (keepalived's checker needs IPVS, which this kernel may lack, so it runs VRRP alone: the
 * comparison is harder on jkeepalived). What the observer would take for a state change is counted:
 * an advert of another priority than the master's, or a gap of Master_Down_Interval; there must be none.
 * The lateness distributions are plotted to {@code benchmarks/target/advert-lateness.png}.
 * {@code -DrtPriority=N} gives both daemons {@code vrrp_rt_priority N}, {@code -Dniceness=N}
 * {@code vrrp_priority N}; {@code -Dseries=loaded} runs the loaded series alone, {@code -Ddaemons=jkeepalived}
 * jkeepalived alone. {@code -Dtogether=true} runs the daemons at the same time, each on a router of
 * its own on the one segment with VRIDs of its own, so that both face the same host: the same
 * hogs, the same hypervisor steal, each other; both are reloaded every 10 s. Each run's arrival
 * times ({@code <run>.adverts}: instance, seconds) stay in the temporary directory printed at the
 * end, beside the daemons' logs; {@code <run>.late} lists each advert over 20 ms late with the longest JVM pause (safepoint or ZGC allocation stall, from
 * jkeepalived's {@code <run>-jvm.log}) while it was due and the host's CPU busy and stolen shares.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl benchmarks exec:exec@advert-timing -Dminutes=10
 * </pre>
 */
public final class AdvertTimingSideBySide {

    private static final Pattern ADVERT = Pattern.compile("^(\\d+\\.\\d+) IP (192\\.0\\.2\\.\\d+) > 224\\.0\\.0\\.18: VRRPv(\\d), "
            + "Advertisement, vrid (\\d+), prio (\\d+)");
    private static final int CHECKS = 10_000;
    /** The goal's bound on an advert's lateness: any later one is listed with what held the daemon. */
    private static final long LATE_MILLIS = 20;

    private final Path directory;
    private final UnpackedDistribution distribution;
    /** What global_defs sets for both daemons: vrrp_rt_priority and vrrp_priority, if given. */
    private final String globalDefs;

    private AdvertTimingSideBySide(Path directory, UnpackedDistribution distribution, String globalDefs) {
        this.directory = directory;
        this.distribution = distribution;
        this.globalDefs = globalDefs;
    }

    public static void main(String[] args) throws Exception {
        Duration each = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("minutes", "10")) * 60));
        Path directory = Files.createTempDirectory("advert-timing");
        AdvertTimingSideBySide bench = new AdvertTimingSideBySide(directory,
                UnpackedDistribution.unpack(Path.of(System.getProperty("distribution")), directory),
                scheduling(Integer.getInteger("rtPriority", 0), Integer.getInteger("niceness", 0)));
        List<String> wanted = List.of(System.getProperty("series", "idle,loaded").split(","));
        List<String> daemons = List.of(System.getProperty("daemons", "keepalived,jkeepalived").split(","));
        List<List<String>> runs = Boolean.getBoolean("together") ? List.of(daemons) : daemons.stream().map(List::of).toList();
        Map<String, Series> results = new LinkedHashMap<>();
        for (boolean loaded : new boolean[] {false, true}) {
            if (!wanted.contains(loaded ? "loaded" : "idle")) {
                continue;
            }
            for (List<String> together : runs) {
                bench.run(together, loaded, each).forEach((daemon, series) -> results.put(daemon + (loaded ? " loaded" : " idle"), series));
                System.out.printf("%s done%n", String.join(" and ", together) + (loaded ? " loaded" : " idle"));
            }
        }
        System.out.printf("%nAdvert lateness, %d min per run%s, from the receiving host's capture (ms)%s%n%n", each.toMinutes(),
                runs.size() == 1 && daemons.size() > 1 ? ", the daemons at the same time" : "",
                bench.globalDefs.isEmpty() ? "" : ", " + bench.globalDefs.strip().replace("\n", ","));
        System.out.printf("%-20s %-22s %8s %8s %8s %8s %10s%n", "run", "instance", "adverts", "p50", "p99", "max", "spurious");
        for (Map.Entry<String, Series> entry : results.entrySet()) {
            for (String instance : List.of("VRRPv2 advert_int 1", "VRRPv3 advert_int 0.1")) {
                List<Double> lateness = entry.getValue().lateness.get(instance);
                System.out.printf("%-20s %-22s %8d %8.2f %8.2f %8.2f %10d%n", entry.getKey(), instance, lateness.size(),
                        percentile(lateness, 50), percentile(lateness, 99), percentile(lateness, 100), entry.getValue().stateChanges);
            }
        }
        System.out.printf("%nAdverts over %d ms late, and how many came during a JVM pause of half their lateness or more "
                + "(each in <run>.late)%n", LATE_MILLIS);
        results.forEach((run, series) -> System.out.printf("%-20s %5d, during a JVM pause %d%n", run, series.late.size(),
                series.late.stream().filter(LateAdvert::pausedHalfTheTime).count()));
        Path plot = Path.of(System.getProperty("plot", "target/advert-lateness.png"));
        LatenessPlot.write(plot, results);
        System.out.printf("%nplot: %s%nadvert times and logs: %s%n", plot.toAbsolutePath(), directory);
    }

    /**
     * @param lateness per instance, in ms
     * @param stateChanges adverts of another priority than the master's, and gaps a backup would take over in
     */
    record Series(Map<String, List<Double>> lateness, int stateChanges, List<LateAdvert> late) {
    }

    /**
     * What the capture saw of one daemon's adverts: their arrival times by instance, and how many
     * had another priority than the master's. Filled by the capture's reader thread.
     */
    private static final class CapturedAdverts {

        private final Map<String, List<Double>> times = new LinkedHashMap<>();
        private int otherPriorities;

        synchronized void add(String instance, double seconds, boolean mastersPriority) {
            times.computeIfAbsent(instance, k -> new ArrayList<>()).add(seconds);
            if (!mastersPriority) {
                otherPriorities++;
            }
        }

        /** @return a copy of the arrival times so far, in seconds, by instance */
        synchronized Map<String, List<Double>> times() {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            times.forEach((instance, seconds) -> copy.put(instance, List.copyOf(seconds)));
            return copy;
        }

        synchronized int otherPriorities() {
            return otherPriorities;
        }
    }

    /**
     * An advert later than {@link #LATE_MILLIS}, with what held the daemon while it was due: the
     * longest JVM pause overlapping that time (none for keepalived) and the host's CPUs.
     */
    record LateAdvert(String instance, long atMillis, double lateMillis, JvmPauses.Pause longestPause, HostCpu.Share cpu) {

        boolean pausedHalfTheTime() {
            return longestPause != null && longestPause.millis() >= lateMillis / 2;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s\t%s\tlate %.1f ms\t%s\t%s", Instant.ofEpochMilli(atMillis), instance, lateMillis,
                    longestPause == null ? "no JVM pause" : String.format(Locale.ROOT, "JVM %s %.1f ms", longestPause.what(),
                            longestPause.millis()), cpu);
        }
    }

    /**
     * @param daemons those that run at the same time, each master on a router of its own: the n-th
     *        (from 0) at 192.0.2.(n + 1) with VRIDs 51 + 10n and 52 + 10n
     * @return each daemon's series
     */
    private Map<String, Series> run(List<String> daemons, boolean loaded, Duration duration) throws Exception {
        List<NetworkNamespace> routers = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        List<Process> load = new ArrayList<>();
        List<LoopbackRealServers> servers = new ArrayList<>();
        String suffix = loaded ? "-loaded" : "-idle";
        try (NetworkNamespace hub = NetworkNamespace.create();
             NetworkNamespace observer = NetworkNamespace.create();
             HostCpu cpu = HostCpu.start()) {
            for (int i = 0; i < daemons.size(); i++) {
                routers.add(NetworkNamespace.create());
            }
            List<NetworkNamespace> hosts = new ArrayList<>(routers);
            hosts.add(observer);
            Links.bridge(hub, "br0", "eth0", hosts.toArray(NetworkNamespace[]::new));
            hub.execOrFail("ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
            observer.execOrFail("ip", "addr", "add", "192.0.2.200/24", "dev", "eth0");
            if (loaded) {
                for (int hog = 0; hog < 2; hog++) {
                    load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
                }
            }
            Map<String, String> daemonByAddress = new LinkedHashMap<>();
            for (int i = 0; i < daemons.size(); i++) {
                String daemon = daemons.get(i);
                NetworkNamespace router = routers.get(i);
                String address = "192.0.2." + (i + 1);
                daemonByAddress.put(address, daemon);
                router.execOrFail("ip", "addr", "add", address + "/24", "dev", "eth0");
                boolean checks = daemon.equals("jkeepalived") && loaded;
                if (checks) {
                    servers.add(LoopbackRealServers.listen(router));
                }
                Path config = Files.writeString(directory.resolve(daemon + loaded + ".conf"), config(i, checks, globalDefs));
                processes.add(start(daemon, daemon + suffix, router, config, directory.resolve(daemon + loaded + ".out"), loaded));
            }
            Thread.sleep(daemons.contains("jkeepalived") ? 20_000 : 5_000); // up and master
            Process capture = observer.processBuilder("tcpdump", "-i", "eth0", "-n", "-tt", "-l", "vrrp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long end = System.nanoTime() + duration.toNanos();
            long nextReload = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Map<String, CapturedAdverts> captured = new LinkedHashMap<>();
            daemons.forEach(daemon -> captured.put(daemon, new CapturedAdverts()));
            Thread reader = new Thread(() -> read(capture, daemonByAddress, captured), "tcpdump");
            reader.start();
            while (System.nanoTime() < end) {
                Thread.sleep(200);
                if (loaded && System.nanoTime() > nextReload) {
                    for (Process process : processes) {
                        Command.run(List.of("kill", "-HUP", Long.toString(process.pid())));
                    }
                    nextReload += TimeUnit.SECONDS.toNanos(10);
                }
            }
            capture.destroy();
            reader.join(5000);
            Map<String, Series> series = new LinkedHashMap<>();
            for (String daemon : daemons) {
                String run = daemon + suffix;
                CapturedAdverts adverts = captured.get(daemon);
                Map<String, List<Double>> times = adverts.times();
                writeTimes(times, directory.resolve(run + ".adverts"));
                List<JvmPauses.Pause> pauses = daemon.equals("jkeepalived") ? JvmPauses.read(distribution.jvmLog(run)) : List.of();
                List<LateAdvert> late = lateAdverts(times, pauses, cpu);
                Files.write(directory.resolve(run + ".late"), late.stream().map(LateAdvert::toString).toList());
                Map<String, List<Double>> lateness = lateness(times);
                series.put(daemon, new Series(lateness, adverts.otherPriorities() + takeoverGaps(lateness), late));
            }
            return series;
        } finally {
            for (Process process : processes) {
                UnpackedDistribution.stop(process);
            }
            load.forEach(Process::destroyForcibly);
            for (LoopbackRealServers listener : servers) {
                listener.close();
            }
            for (NetworkNamespace router : routers) {
                router.close();
            }
        }
    }

    private Process start(String daemon, String run, NetworkNamespace router, Path config, Path output, boolean loaded)
            throws IOException {
        if (daemon.equals("keepalived")) {
            return router.processBuilder("keepalived", "--vrrp", "--dont-fork", "--log-console", "--use-file", config.toString(),
                    "--pid", directory.resolve("ka.pid").toString(), "--vrrp_pid", directory.resolve("ka-vrrp.pid").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        }
        return loaded ? distribution.start(router, run, config, "-l") : distribution.start(router, run, config, "-l", "-P");
    }

    private static void read(Process capture, Map<String, String> daemonByAddress, Map<String, CapturedAdverts> captured) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(capture.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher advert = ADVERT.matcher(line);
                String daemon = advert.find() ? daemonByAddress.get(advert.group(2)) : null;
                if (daemon != null) {
                    captured.get(daemon).add(advert.group(3).equals("2") ? "VRRPv2 advert_int 1" : "VRRPv3 advert_int 0.1",
                            Double.parseDouble(advert.group(1)), advert.group(5).equals("150"));
                }
            }
        } catch (IOException e) {
            // the capture ended
        }
    }

    private static void writeTimes(Map<String, List<Double>> times, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        times.forEach((instance, seconds) -> seconds.forEach(at -> text.append(instance).append('\t')
                .append(String.format(Locale.ROOT, "%.6f", at)).append('\n')));
        Files.writeString(file, text);
    }

    private static List<LateAdvert> lateAdverts(Map<String, List<Double>> times, List<JvmPauses.Pause> pauses, HostCpu cpu) {
        List<LateAdvert> late = new ArrayList<>();
        times.forEach((instance, seconds) -> {
            double interval = interval(instance);
            for (int i = 1; i < seconds.size(); i++) {
                long due = Math.round((seconds.get(i - 1) + interval) * 1000);
                long arrived = Math.round(seconds.get(i) * 1000);
                if (arrived - due > LATE_MILLIS) {
                    JvmPauses.Pause longest = pauses.stream().filter(pause -> pause.overlaps(due, arrived))
                            .max(Comparator.comparingDouble(JvmPauses.Pause::millis)).orElse(null);
                    late.add(new LateAdvert(instance, arrived, arrived - due, longest, cpu.share(due, arrived)));
                }
            }
        });
        late.sort(Comparator.comparingLong(LateAdvert::atMillis));
        return late;
    }

    /** How much later than one interval after the previous advert each advert came, in ms (early ones count 0). */
    private static Map<String, List<Double>> lateness(Map<String, List<Double>> times) {
        Map<String, List<Double>> lateness = new LinkedHashMap<>();
        times.forEach((instance, seconds) -> {
            double interval = interval(instance);
            List<Double> late = new ArrayList<>();
            for (int i = 1; i < seconds.size(); i++) {
                late.add(Math.max(0, (seconds.get(i) - seconds.get(i - 1) - interval) * 1000));
            }
            lateness.put(instance, late);
        });
        return lateness;
    }

    /** Gaps in which a backup of priority 100 would have taken over: 3 intervals and its skew (RFC 5798 section 6.1). */
    private static int takeoverGaps(Map<String, List<Double>> lateness) {
        int gaps = 0;
        for (Map.Entry<String, List<Double>> entry : lateness.entrySet()) {
            double intervalMillis = interval(entry.getKey()) * 1000;
            double masterDownLateness = 2 * intervalMillis + (256 - 100) * intervalMillis / 256;
            gaps += (int) entry.getValue().stream().filter(late -> late >= masterDownLateness).count();
        }
        return gaps;
    }

    /** @return the instance's advert interval in seconds */
    private static double interval(String instance) {
        return instance.contains("0.1") ? 0.1 : 1.0;
    }

    /** @return the global_defs lines of vrrp_rt_priority and vrrp_priority, those given (not 0) */
    private static String scheduling(int realtimePriority, int niceness) {
        return (realtimePriority > 0 ? "    vrrp_rt_priority " + realtimePriority + "\n" : "")
                + (niceness != 0 ? "    vrrp_priority " + niceness + "\n" : "");
    }

    /** @param router the router's number, from 0: its VRIDs are 51 and 52 plus ten times that, its VIPs .100 and .101 plus twice */
    private static String config(int router, boolean withChecks, String globalDefs) {
        StringBuilder text = new StringBuilder(globalDefs.isEmpty() ? "" : "global_defs {\n" + globalDefs + "}\n");
        text.append(String.format(Locale.ROOT, """
                vrrp_instance V2 {
                    state BACKUP
                    interface eth0
                    virtual_router_id %d
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        192.0.2.%d/24
                    }
                }
                vrrp_instance V3 {
                    state BACKUP
                    interface eth0
                    version 3
                    virtual_router_id %d
                    priority 150
                    advert_int 0.1
                    virtual_ipaddress {
                        192.0.2.%d/24
                    }
                }
                """, 51 + 10 * router, 100 + 2 * router, 52 + 10 * router, 101 + 2 * router));
        if (withChecks) {
            text.append(LoopbackRealServers.virtualServer(CHECKS));
        }
        return text.toString();
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, index));
    }
}
