package org.jkeepalived.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.healthcheck.internal.HealthEngine;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceTable;

/**
 * The reload of a large configuration inside one JVM, on the components the container wires: the
 * configuration read from its text, the health engine's pass over it and the lvs layer's pass
 * that brings the data plane in step. It runs where the distribution cannot be measured at full
 * size (a kernel without IPVS: {@code -Ddataplane=userspace}, the default) and shows which phase a
 * reload's time goes to; {@code -Ddataplane=kernel} applies to the kernel's IPVS (kernel-vm).
 *
 * <p>The workload is {@link ReloadWorkload}'s: {@code -DvirtualServers=2000} virtual servers of
 * {@code -DrealServers=20} real servers, 1% changed at each reload, alternating between the two
 * configurations {@code -Dreloads=10} times. A reload is applied once the changed services hold in
 * the data plane exactly what the new configuration says, polled each millisecond; the whole table
 * is compared after each.
 *
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl benchmarks exec:exec@reload-in-process -Dreload.virtualServers=2000 -Dreload.realServers=20 -Dreload.reloads=20
 * </pre>
 */
public final class ReloadInProcess {

    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final long RELOAD_TIMEOUT_NANOS = Duration.ofMinutes(5).toNanos();
    /** Between two polls of a service: the poller leaves the CPUs to what it measures, and bounds the resolution. */
    private static final long POLL_PAUSE_MILLIS = 1;

    private final ReloadWorkload workload;
    private final List<ServiceKey> changedServices = new ArrayList<>();

    private ReloadInProcess(ReloadWorkload workload) {
        this.workload = workload;
        workload.changedServices().forEach(service -> changedServices.add(IpvsTable.key(service)));
    }

    public static void main(String[] args) throws Exception {
        ReloadWorkload workload = new ReloadWorkload(Integer.getInteger("virtualServers", 2000), Integer.getInteger("realServers", 20));
        int reloads = Integer.getInteger("reloads", 10);
        String backend = System.getProperty("dataplane", "userspace");
        new ReloadInProcess(workload).run(backend, reloads);
    }

    private void run(String backend, int reloads) throws Exception {
        String[] texts = {workload.config(false), workload.config(true)};
        System.out.printf("reload in one JVM: %d virtual servers, %d real servers (%d changed, in %d virtual servers), %s data plane, "
                        + "%d CPUs, maximum heap %d MiB, %d reloads%n", workload.virtualServers(), workload.realServers(),
                workload.changedRealServers(), changedServices.size(), backend, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, reloads);
        long readStart = System.nanoTime();
        KeepalivedConfig current = read(texts[0]);
        System.out.printf("first read: %.0f ms (%d characters)%n", millisSince(readStart), texts[0].length());
        try (HealthEngine engine = new HealthEngine(2, NoPlugins.INSTANCE);
             LvsLayer lvs = LvsLayer.start(backend, current, engine).orElseThrow(
                     () -> new IllegalArgumentException("-Ddataplane=" + backend + ": the reload needs a data plane"))) {
            engine.apply(current);
            Duration load = lvs.awaitSettled(workload.realServers(), LOAD_TIMEOUT)
                    .orElseThrow(() -> new IllegalStateException("the table was not loaded within " + LOAD_TIMEOUT));
            System.out.printf("load: %d ms to %d destinations%n", load.toMillis(), lvs.destinations());

            System.out.printf("%-8s %10s %12s %10s %s%n", "reload", "read ms", "applied ms", "total ms", "table");
            List<Double> reads = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            for (int reload = 1; reload <= reloads; reload++) {
                boolean changed = reload % 2 == 1;
                long start = System.nanoTime();
                KeepalivedConfig next = read(texts[changed ? 1 : 0]);
                double readMillis = millisSince(start);
                long applyStart = System.nanoTime();
                engine.apply(next);
                lvs.configApplied(new ConfigUpdate(Optional.of(current), next, reload + 1L));
                awaitChangedServices(lvs.plane(), changed);
                double applyMillis = millisSince(applyStart);
                double total = millisSince(start);
                boolean right = tableOf(lvs.plane()).equals(workload.table(changed));
                System.out.printf("%-8d %10.1f %12.1f %10.1f %s%n", reload, readMillis, applyMillis, total, right ? "right" : "WRONG");
                reads.add(readMillis);
                totals.add(total);
                current = next;
            }
            System.out.printf("reload p50 / max: read %.1f / %.1f ms, total %.1f / %.1f ms (the first reloads include the JIT's warm-up)%n",
                    median(reads), max(reads), median(totals), max(totals));
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                System.out.printf("%s: %d, %d ms in all%n", collector.getName(), collector.getCollectionCount(), collector.getCollectionTime());
            }
        }
    }

    private static KeepalivedConfig read(String text) {
        ConfigResult result = ConfigReader.builder().configId("reload").hostName("reload").build().read("keepalived.conf", text);
        return result.config().orElseThrow(() -> new IllegalStateException(result.summary()));
    }

    /** Polls the changed services until each holds what the configuration says. */
    private void awaitChangedServices(DataPlane plane, boolean changed) throws DataPlaneException, InterruptedException {
        Map<String, Map<String, Integer>> wanted = workload.table(changed);
        long deadline = System.nanoTime() + RELOAD_TIMEOUT_NANOS;
        for (ServiceKey service : changedServices) {
            Map<String, Integer> destinations = wanted.get(text(service));
            while (!destinationsOf(plane, service).equals(destinations)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(text(service) + " is not as configured after 5 minutes: wanted " + destinations
                            + ", seen " + destinationsOf(plane, service));
                }
                Thread.sleep(POLL_PAUSE_MILLIS);
            }
        }
    }

    private static Map<String, Integer> destinationsOf(DataPlane plane, ServiceKey service) throws DataPlaneException {
        Map<String, Integer> destinations = new LinkedHashMap<>();
        for (DestinationStatus status : plane.destinations(service)) {
            destinations.put(text(status.destination().key()), status.destination().weight());
        }
        return destinations;
    }

    private static Map<String, Map<String, Integer>> tableOf(DataPlane plane) throws DataPlaneException {
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (var entry : ServiceTable.read(plane).entries()) {
            Map<String, Integer> destinations = new LinkedHashMap<>();
            entry.destinations().forEach(destination -> destinations.put(text(destination.key()), destination.weight()));
            table.put(text(entry.service().key()), destinations);
        }
        return table;
    }

    /** @return a service as {@link ReloadWorkload}'s tables name it, {@code address:port} */
    private static String text(ServiceKey key) {
        ServiceKey.Inet inet = (ServiceKey.Inet) key;
        return inet.address().getHostAddress() + ":" + inet.port();
    }

    /** @return a destination as {@link ReloadWorkload}'s tables name it, {@code address:port} */
    private static String text(DestinationKey key) {
        return key.address().getHostAddress() + ":" + key.port();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** The workload checks no real server: no checker plugin serves anything. */
    private enum NoPlugins implements CheckerRegistry {
        INSTANCE;

        @Override
        public Optional<CheckerFactory> factory(String keyword) {
            return Optional.empty();
        }

        @Override
        public Optional<CheckerRegistration> serving(String keyword) {
            return Optional.empty();
        }

        @Override
        public List<CheckerRegistration> registrations() {
            return List.of();
        }
    }
}
