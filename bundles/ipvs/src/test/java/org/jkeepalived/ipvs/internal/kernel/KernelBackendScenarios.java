package org.jkeepalived.ipvs.internal.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.Forwarding.Method;
import org.jkeepalived.ipvs.api.Forwarding.TunnelChecksum;
import org.jkeepalived.ipvs.api.Forwarding.TunnelType;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Operation;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Reconciler;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.ServiceTable;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.ComponentActivation;
import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.KernelVm;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * The kernel data plane against the kernel's own IPVS, run by {@link KernelDataPlaneTest} under a
 * real kernel (kernel-vm). Each scenario changes IPVS through {@link KernelDataPlane} and prints, in
 * a section that starts with {@code ### name}, what ipvsadm then lists and what the data plane
 * answered; the test compares the sections with what they must be. It flushes IPVS and makes network
 * namespaces: run it as root in a throwaway kernel only, with a writable /run and an interface
 * {@value #SYNC_INTERFACE} for the sync daemons.
 */
public final class KernelBackendScenarios {

    static final String SECTION = "### ";
    static final String SYNC_INTERFACE = "sync0";

    private final KernelDataPlane plane;
    private final PrintStream out;

    private KernelBackendScenarios(KernelDataPlane plane, PrintStream out) {
        this.plane = plane;
        this.out = out;
    }

    /**
     * @param args none
     * @throws Exception if the data plane cannot be opened
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // the kernel runs emulated beside the build: stopping a sync daemon may take many seconds
        try (KernelDataPlane plane = KernelDataPlane.open(Duration.ofMinutes(1))) {
            KernelBackendScenarios scenarios = new KernelBackendScenarios(plane, out);
            scenarios.run("info", scenarios::info);
            scenarios.run("services", scenarios::services);
            scenarios.run("service edits", scenarios::serviceEdits);
            scenarios.run("destinations", scenarios::destinations);
            scenarios.run("destination edits", scenarios::destinationEdits);
            scenarios.run("refusals", scenarios::refusals);
            scenarios.run("timeouts", scenarios::timeouts);
            scenarios.run("sync daemons", scenarios::syncDaemons);
            scenarios.run("traffic", scenarios::traffic);
            scenarios.run("reconciler", scenarios::reconciler);
            scenarios.run("flush", scenarios::flush);
            scenarios.run("backend selection", scenarios::backendSelection);
        }
        out.println(SECTION + "end");
    }

    private interface Scenario {
        void run() throws Exception;
    }

    private void run(String name, Scenario scenario) {
        out.println(SECTION + name);
        try {
            plane.flush();
            scenario.run();
        } catch (Exception | AssertionError e) {
            out.println(KernelVm.FAILED + " " + e);
            e.printStackTrace(out);
        }
    }

    private void info() {
        out.println(plane.version());
        out.println(plane.backend());
        out.println("twos: " + (hasModule("ip_vs_twos") ? "in this kernel" : "not in this kernel"));
    }

    /** Every scheduler and kind of service, then the table read back. */
    private void services() throws Exception {
        List<VirtualService> services = new ArrayList<>();
        int port = 80;
        for (Scheduler scheduler : Scheduler.values()) {
            if (scheduler != Scheduler.TWOS || hasModule("ip_vs_twos")) {
                services.add(VirtualService.of(tcp("192.0.2.1", port++), scheduler));
            }
        }
        services.add(VirtualService.of(tcp("192.0.2.2", 80), Scheduler.SH).withFlags(Set.of(SchedulerFlag.FALLBACK, SchedulerFlag.PORT)));
        services.add(VirtualService.of(tcp("192.0.2.2", 81), Scheduler.MH).withFlags(Set.of(SchedulerFlag.PORT)));
        services.add(VirtualService.of(tcp("192.0.2.2", 443), Scheduler.WLC)
                .withPersistence(Optional.of(new Persistence(Duration.ofSeconds(300), 24))));
        services.add(VirtualService.of(new ServiceKey.Inet(IpProtocol.UDP, address("192.0.2.2"), 53), Scheduler.RR).withOnePacket(true));
        services.add(VirtualService.of(new ServiceKey.Inet(IpProtocol.SCTP, address("192.0.2.2"), 9), Scheduler.LC));
        services.add(new VirtualService(tcp("192.0.2.3", 0), Scheduler.RR, Set.of(),
                Optional.of(Persistence.perClient(Duration.ofSeconds(30), AddressFamily.INET)), false));
        services.add(VirtualService.of(new ServiceKey.Fwmark(1, AddressFamily.INET), Scheduler.WLC)
                .withPersistence(Optional.of(Persistence.perClient(Persistence.DEFAULT_TIMEOUT, AddressFamily.INET))));
        services.add(VirtualService.of(new ServiceKey.Fwmark(2, AddressFamily.INET6), Scheduler.SH));
        services.add(VirtualService.of(tcp("2001:db8::1", 443), Scheduler.WRR)
                .withPersistence(Optional.of(new Persistence(Duration.ofSeconds(120), 64))));
        for (VirtualService service : services) {
            plane.newService(service);
        }
        ipvsadm("-Ln");
        readBack(new ServiceTable(services.stream().map(service -> new ServiceEntry(service, List.of())).toList()));
    }

    /** Scheduler, flags, persistence and one-packet scheduling changed in place, destinations kept. */
    private void serviceEdits() throws Exception {
        ServiceKey web = tcp("192.0.2.1", 80);
        ServiceKey dns = new ServiceKey.Inet(IpProtocol.UDP, address("192.0.2.1"), 53);
        Destination real = Destination.of(destination("198.51.100.1", 80), 1);
        plane.newService(VirtualService.of(web, Scheduler.RR));
        plane.newDestination(web, real);
        plane.newService(VirtualService.of(dns, Scheduler.WLC).withOnePacket(true)
                .withPersistence(Optional.of(Persistence.perClient(Duration.ofSeconds(60), AddressFamily.INET))));
        VirtualService webAfter = VirtualService.of(web, Scheduler.SH).withFlags(Set.of(SchedulerFlag.PORT))
                .withPersistence(Optional.of(new Persistence(Duration.ofSeconds(600), 16)));
        VirtualService dnsAfter = VirtualService.of(dns, Scheduler.LC);
        plane.setService(webAfter);
        plane.setService(dnsAfter);
        ipvsadm("-Ln");
        readBack(ServiceTable.of(new ServiceEntry(webAfter, List.of(real)), new ServiceEntry(dnsAfter, List.of())));
    }

    /** Every forwarding method and tunnel, thresholds, IPv6, a firewall-mark service. */
    private void destinations() throws Exception {
        ServiceKey web = tcp("192.0.2.10", 80);
        ServiceKey web6 = tcp("2001:db8::10", 80);
        ServiceKey marked = new ServiceKey.Fwmark(1, AddressFamily.INET);
        List<Destination> webDestinations = List.of(
                Destination.of(destination("198.51.100.1", 8080), 3),
                Destination.of(destination("198.51.100.2", 80), 1).withForwarding(Forwarding.DR).withThresholds(100, 50),
                Destination.of(destination("198.51.100.3", 80), 2).withForwarding(Forwarding.TUN),
                Destination.of(destination("198.51.100.4", 80), 1).withForwarding(new Forwarding(Method.TUN, TunnelType.GUE, 6080, TunnelChecksum.CSUM)),
                Destination.of(destination("198.51.100.5", 80), 1).withForwarding(new Forwarding(Method.TUN, TunnelType.GRE, 0, TunnelChecksum.NONE)),
                // An address of the director: the kernel keeps the method given and delivers locally packet by packet.
                Destination.of(destination("127.0.0.1", 8080), 1).withForwarding(Forwarding.DR));
        Destination real6 = Destination.of(destination("2001:db8::20", 8080), 2);
        Destination markedReal = Destination.of(destination("198.51.100.6", 0), 5).withForwarding(Forwarding.DR);
        plane.newService(VirtualService.of(web, Scheduler.WLC));
        plane.newService(VirtualService.of(web6, Scheduler.RR));
        plane.newService(VirtualService.of(marked, Scheduler.WRR));
        for (Destination destination : webDestinations) {
            plane.newDestination(web, destination);
        }
        plane.newDestination(web6, real6);
        plane.newDestination(marked, markedReal);
        ipvsadm("-Ln", "--tun-info");
        ipvsadm("-Ln", "--thresholds", "-t", "192.0.2.10:80");
        out.println("order: " + plane.destinations(web).stream().map(status -> status.destination().key().toString()).toList());
        readBack(ServiceTable.of(new ServiceEntry(VirtualService.of(web, Scheduler.WLC), webDestinations),
                new ServiceEntry(VirtualService.of(web6, Scheduler.RR), List.of(real6)),
                new ServiceEntry(VirtualService.of(marked, Scheduler.WRR), List.of(markedReal))));
    }

    /** A weight, a forwarding method and thresholds changed in place; a destination and a service deleted. */
    private void destinationEdits() throws Exception {
        ServiceKey web = tcp("192.0.2.10", 80);
        ServiceKey other = tcp("192.0.2.11", 80);
        Destination one = Destination.of(destination("198.51.100.1", 80), 1);
        Destination two = Destination.of(destination("198.51.100.2", 80), 1).withThresholds(10, 5);
        Destination three = Destination.of(destination("198.51.100.3", 80), 1);
        plane.newService(VirtualService.of(web, Scheduler.WRR));
        plane.newService(VirtualService.of(other, Scheduler.RR));
        for (Destination destination : List.of(one, two, three)) {
            plane.newDestination(web, destination);
        }
        plane.newDestination(other, one);
        plane.setDestination(web, one.withWeight(0));
        plane.setDestination(web, two.withForwarding(Forwarding.DR).withThresholds(0, 0).withWeight(7));
        plane.deleteDestination(web, three.key());
        plane.deleteService(other);
        ipvsadm("-Ln");
        readBack(ServiceTable.of(new ServiceEntry(VirtualService.of(web, Scheduler.WRR),
                List.of(one.withWeight(0), two.withForwarding(Forwarding.DR).withThresholds(0, 0).withWeight(7)))));
    }

    /** What the kernel refuses, each with its reason and message; the table is left as it was. */
    private void refusals() throws Exception {
        ServiceKey web = tcp("192.0.2.1", 80);
        ServiceKey missing = tcp("192.0.2.9", 80);
        Destination real = Destination.of(destination("198.51.100.1", 80), 1);
        plane.newService(VirtualService.of(web, Scheduler.RR));
        plane.newDestination(web, real);
        refused(() -> plane.newService(VirtualService.of(web, Scheduler.WLC)));
        refused(() -> plane.setService(VirtualService.of(missing, Scheduler.WLC)));
        refused(() -> plane.deleteService(missing));
        refused(() -> plane.newDestination(missing, real));
        refused(() -> plane.newDestination(web, real.withWeight(3)));
        refused(() -> plane.setDestination(web, Destination.of(destination("198.51.100.9", 80), 1)));
        refused(() -> plane.deleteDestination(web, destination("198.51.100.9", 80)));
        refused(() -> plane.destinations(missing));
        if (!hasModule("ip_vs_twos")) {
            refused(() -> plane.newService(VirtualService.of(tcp("192.0.2.4", 80), Scheduler.TWOS)));
        }
        refused(() -> plane.startSyncDaemon(SyncDaemon.of(SyncDaemon.Role.MASTER, "nosuch0", 1)));
        refused(() -> plane.stopSyncDaemon(SyncDaemon.Role.BACKUP));
        ipvsadm("-Ln");
    }

    private void timeouts() throws Exception {
        plane.setTimeouts(new Timeouts(Duration.ofSeconds(600), Duration.ofSeconds(30), Duration.ofSeconds(90)));
        ipvsadm("-L", "--timeout");
        out.println("read: " + plane.timeouts());
        plane.setTimeouts(Timeouts.DEFAULTS);
        out.println("defaults: " + plane.timeouts());
    }

    private void syncDaemons() throws Exception {
        plane.startSyncDaemon(SyncDaemon.of(SyncDaemon.Role.MASTER, SYNC_INTERFACE, 5));
        plane.startSyncDaemon(SyncDaemon.of(SyncDaemon.Role.BACKUP, SYNC_INTERFACE, 6).withMaxLength(1400)
                .withGroup(address("239.1.2.3")).withPort(9000).withTtl(2));
        ipvsadm("-L", "--daemon");
        plane.syncDaemons().forEach(daemon -> out.println("read: " + daemon));
        refused(() -> plane.startSyncDaemon(SyncDaemon.of(SyncDaemon.Role.BACKUP, SYNC_INTERFACE, 7)));
        plane.stopSyncDaemon(SyncDaemon.Role.MASTER);
        plane.stopSyncDaemon(SyncDaemon.Role.BACKUP);
        out.println("after stop: " + plane.syncDaemons());
    }

    /**
     * Two connections from a client in a namespace, through a persistent NAT service, to an echo
     * server in another; then the counters and connections as ipvsadm and the data plane see them.
     */
    private void traffic() throws Exception {
        try (NetworkNamespace client = NetworkNamespace.create(); NetworkNamespace real = NetworkNamespace.create()) {
            // One shell for the whole network: each process takes long to start in an emulated machine.
            String c = client.name();
            String r = real.name();
            Command.runOrFail("sh", "-e", "-c", String.join("\n",
                    "ip link add lbc type veth peer name c0 netns " + c,
                    "ip link add lbr type veth peer name r0 netns " + r,
                    "ip addr add 192.0.2.1/24 dev lbc",
                    "ip addr add 198.51.100.254/24 dev lbr",
                    "ip addr add 192.0.2.100/32 dev lo",
                    "ip link set lbc up",
                    "ip link set lbr up",
                    "ip -n " + c + " addr add 192.0.2.2/24 dev c0",
                    "ip -n " + c + " link set c0 up",
                    "ip -n " + c + " route add default via 192.0.2.1",
                    "ip -n " + r + " addr add 198.51.100.1/24 dev r0",
                    "ip -n " + r + " link set r0 up",
                    "ip -n " + r + " route add default via 198.51.100.254"));
            Files.writeString(Path.of("/proc/sys/net/ipv4/ip_forward"), "1");

            ServiceKey service = tcp("192.0.2.100", 80);
            plane.newService(VirtualService.of(service, Scheduler.RR)
                    .withPersistence(Optional.of(Persistence.perClient(Duration.ofSeconds(300), AddressFamily.INET))));
            plane.newDestination(service, Destination.of(destination("198.51.100.1", 8080), 1));
            ServerSocket server = real.call(() -> new ServerSocket(8080, 5, address("198.51.100.1")));
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> echo(server, 2));
            for (int connection = 0; connection < 2; connection++) {
                String answer = client.call(() -> exchange(new InetSocketAddress(address("192.0.2.100"), 80), "hello"));
                out.println("answer: " + answer);
            }
            echo.get(20, TimeUnit.SECONDS);
            server.close();
            awaitCounters(2);
            ipvsadm("-Ln", "--stats", "--exact", "-t", "192.0.2.100:80");
            ipvsadm("-Ln", "--persistent-conn", "-t", "192.0.2.100:80");
            for (ServiceStatus status : plane.services()) {
                out.println("api service " + status.service().key() + " " + status.counters());
            }
            for (DestinationStatus status : plane.destinations(service)) {
                out.println("api destination " + status.destination().key() + " active " + status.activeConnections() + " inactive "
                        + status.inactiveConnections() + " persistent " + status.persistentConnections() + " " + status.counters());
            }
        }
    }

    /**
     * Waits until IPVS lists the connections made: it folds its per-CPU counters into the ones it lists
     * every 2 s (its estimator), and then once more, for the packets that closed them.
     */
    private void awaitCounters(long connections) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (plane.services().stream().mapToLong(status -> status.counters().connections()).sum() < connections) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("IPVS did not count " + connections + " connections in 20 s");
            }
            Thread.sleep(100);
        }
        Thread.sleep(2100);
    }

    /** From one table to another by the fewest operations, then nothing left to do. */
    private void reconciler() throws Exception {
        ServiceKey web = tcp("192.0.2.20", 80);
        ServiceKey dns = new ServiceKey.Inet(IpProtocol.UDP, address("192.0.2.20"), 53);
        ServiceKey marked = new ServiceKey.Fwmark(3, AddressFamily.INET);
        Destination one = Destination.of(destination("198.51.100.1", 80), 1);
        Destination two = Destination.of(destination("198.51.100.2", 80), 2);
        Destination three = Destination.of(destination("198.51.100.3", 80), 1);
        ServiceTable a = ServiceTable.of(
                new ServiceEntry(VirtualService.of(web, Scheduler.WLC), List.of(one, two)),
                new ServiceEntry(VirtualService.of(dns, Scheduler.RR), List.of(Destination.of(destination("198.51.100.1", 53), 1))));
        ServiceTable b = ServiceTable.of(
                new ServiceEntry(VirtualService.of(web, Scheduler.WRR), List.of(two.withWeight(5), three)),
                new ServiceEntry(VirtualService.of(marked, Scheduler.MH), List.of(Destination.of(destination("198.51.100.1", 0), 1).withForwarding(Forwarding.DR))));
        Reconciler.Result fromNothing = Reconciler.reconcile(plane, a);
        out.println("to a: " + fromNothing.applied().size() + " applied, complete " + fromNothing.complete());
        Reconciler.Result toB = Reconciler.reconcile(plane, b);
        out.println("to b: complete " + toB.complete());
        for (Operation operation : toB.applied()) {
            out.println("  " + operation);
        }
        ipvsadm("-Ln");
        Reconciler.Result again = Reconciler.reconcile(plane, b);
        out.println("b again: " + again.applied().size() + " applied, complete " + again.complete());
    }

    private void flush() throws Exception {
        plane.newService(VirtualService.of(tcp("192.0.2.1", 80), Scheduler.RR));
        plane.newDestination(tcp("192.0.2.1", 80), Destination.of(destination("198.51.100.1", 80), 1));
        plane.flush();
        ipvsadm("-Ln");
        out.println("services: " + plane.services());
    }

    /** The component as the framework activates it: its log says which backend runs and why (slf4j-simple logs to this report). */
    private void backendSelection() {
        out.println("auto: " + ComponentActivation.backend("auto"));
        out.println("kernel: " + ComponentActivation.backend("kernel"));
    }

    private void readBack(ServiceTable expected) throws DataPlaneException {
        List<Operation> difference = Reconciler.diff(ServiceTable.read(plane), expected);
        out.println(difference.isEmpty() ? "read back: the table applied" : "read back differs: " + difference);
    }

    private interface Refusable {
        void run() throws DataPlaneException;
    }

    private void refused(Refusable call) {
        try {
            call.run();
            out.println("accepted");
        } catch (DataPlaneException e) {
            out.println(e.reason() + ": " + e.getMessage());
        }
    }

    private void ipvsadm(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ipvsadm"));
        command.addAll(Arrays.asList(arguments));
        Command.Result result = Command.run(command);
        out.println("$ " + String.join(" ", command));
        out.print(result.output());
        if (!result.succeeded()) {
            out.println("exit " + result.exitCode() + ": " + result.errors());
        }
    }

    /** Whether the running kernel has the module, without starting a process: they are slow to start in an emulated machine. */
    private static boolean hasModule(String module) {
        try (var files = Files.walk(Path.of("/lib/modules", System.getProperty("os.version"), "kernel/net/netfilter/ipvs"))) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(module + ".ko"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void echo(ServerSocket server, int connections) {
        for (int i = 0; i < connections; i++) {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream back = socket.getOutputStream()) {
                back.write(in.readNBytes(5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String exchange(InetSocketAddress to, String text) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(to, 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(text.length()), StandardCharsets.US_ASCII);
        }
    }

    static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Inet(IpProtocol.TCP, address(address), port);
    }

    static DestinationKey destination(String address, int port) {
        return new DestinationKey(address(address), port);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
