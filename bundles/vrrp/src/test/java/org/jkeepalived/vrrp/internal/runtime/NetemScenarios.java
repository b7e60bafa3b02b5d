package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.netlink.internal.RtnetlinkClient;
import org.jkeepalived.testing.netns.Command;
import org.jkeepalived.testing.netns.KernelVm;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;

/**
 * Two routers of a {@link RouterSegment} whose link is impaired by netem on the master's eth0, run
 * by {@link VrrpNetemTest} under a real kernel (kernel-vm) because netem is a module many hosts
 * lack. The first router (priority 150) is master, the second (100) backup; each scenario changes
 * the netem qdisc of the first's eth0 and so delays or drops what the backup hears. Each prints, in
 * a section that starts with {@code ### name}, a timeline the test judges: a line
 * {@code <ms> <first state> <vip|-> <second state> <vip|-> <adverts the second accepted>} each time
 * one of these changes, and {@code <ms> <ms> netem <options>} for each change of the qdisc, from
 * its scheduled time to the moment it was handed to {@code tc}. Run it as root in a throwaway kernel only, with a
 * writable /run and the modules sch_netem, veth and bridge loaded.
 */
public final class NetemScenarios {

    static final String SECTION = "### ";
    static final String VIP = "192.0.2.100";
    private static final Path TC_LOG = Path.of("/tmp/tc-batch.log");
    private static final Duration SAMPLE_PERIOD = Duration.ofMillis(50);
    /** The first convergence includes the routers' start, slow in an emulated CPU. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);

    private final RouterSegment segment;
    private final RtnetlinkClient firstAddresses;
    private final RtnetlinkClient secondAddresses;
    private final Process tc;
    private final Writer tcCommands;
    private final PrintStream out;

    private NetemScenarios(RouterSegment segment, PrintStream out) throws Exception {
        this.segment = segment;
        this.out = out;
        this.firstAddresses = segment.first.namespace.call(() -> new RtnetlinkClient(Duration.ofSeconds(5)));
        this.secondAddresses = segment.second.namespace.call(() -> new RtnetlinkClient(Duration.ofSeconds(5)));
        // one tc that reads its commands as they come: a fault starts and ends without a process
        // started each time, which takes a second in an emulated CPU beside other work
        this.tc = new ProcessBuilder("tc", "-netns", segment.first.namespace.name(), "-force", "-batch", "-")
                .redirectErrorStream(true).redirectOutput(TC_LOG.toFile()).start();
        this.tcCommands = new OutputStreamWriter(tc.getOutputStream(), StandardCharsets.US_ASCII);
    }

    /**
     * @param args none
     * @throws Exception if the routers cannot be set up
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("started in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        try (RouterSegment segment = new RouterSegment()) {
            // a netem qdisc that changes nothing yet, so that each fault is a quick 'tc qdisc change'
            Command.runOrFail("tc", "-netns", segment.first.namespace.name(), "qdisc", "add", "dev", "eth0", "root", "netem");
            segment.first.apply(config(150));
            segment.second.apply(config(100));
            NetemScenarios scenarios = new NetemScenarios(segment, out);
            try {
                scenarios.run("jitter", Duration.ofSeconds(20), Duration.ofSeconds(3), "delay", "100ms", "50ms");
                scenarios.run("delay shorter than the fault", Duration.ofSeconds(10), Duration.ofSeconds(5), "delay", "4s");
                // adverts queued behind the 8 s delay still come, late, after it is lifted: they must move nothing
                scenarios.run("delay longer than the fault", Duration.ofSeconds(6), Duration.ofSeconds(9), "delay", "8s");
                scenarios.run("blackout", Duration.ofSeconds(2), Duration.ofSeconds(5), "loss", "100%");
                scenarios.run("loss 5%", Duration.ofSeconds(20), Duration.ofSeconds(5), "loss", "5%", "duplicate", "5%");
                scenarios.run("loss 30%", Duration.ofSeconds(25), Duration.ofSeconds(5), "loss", "30%");
            } finally {
                scenarios.close();
            }
            out.println(SECTION + "end");
            out.println("first " + segment.first.instance("VI_1").state() + ", second " + segment.second.instance("VI_1").state());
        }
    }

    /**
     * Waits for the first router to be the only master, impairs the link for {@code fault}, restores
     * it and keeps watching for {@code settle}.
     */
    private void run(String name, Duration fault, Duration settle, String... netem) throws Exception {
        out.println(SECTION + name);
        long convergence = awaitFirstAloneMaster();
        out.println(convergence < 0 ? "not converged" : "converged in " + convergence + " ms");
        Timeline timeline = new Timeline();
        timeline.start();
        Thread.sleep(2000);
        long on = timeline.now();
        netem(netem);
        timeline.mark(on, "netem " + String.join(" ", netem));
        Thread.sleep(Math.max(0, on + fault.toMillis() - timeline.now()));
        long off = timeline.now();
        netem();
        timeline.mark(off, "netem");
        Thread.sleep(settle.toMillis());
        timeline.stop();
        timeline.print(out);
    }

    private long awaitFirstAloneMaster() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + CONVERGENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Sample sample;
            try {
                sample = sample(0);
            } catch (RuntimeException starting) {
                // a loop still busy starting its instances does not answer in time
                continue;
            }
            if (sample.first == VrrpState.MASTER && sample.firstVip && sample.second == VrrpState.BACKUP && !sample.secondVip) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(SAMPLE_PERIOD.toMillis());
        }
        return -1;
    }

    private Sample sample(long at) {
        VrrpInstanceStatus second = segment.second.instance("VI_1");
        return new Sample(at, segment.first.instance("VI_1").state(), has(firstAddresses), second.state(), has(secondAddresses),
                second.advertsReceived());
    }

    private static boolean has(RtnetlinkClient rtnetlink) {
        return rtnetlink.addresses().stream().map(address -> address.address().getHostAddress()).anyMatch(VIP::equals);
    }

    /** Sets the impairments of the first router's eth0; none clears them all. */
    private void netem(String... options) throws IOException {
        tcCommands.write("qdisc change dev eth0 root netem " + String.join(" ", options) + "\n");
        tcCommands.flush();
    }

    private void close() throws IOException, InterruptedException {
        firstAddresses.close();
        secondAddresses.close();
        tcCommands.close();
        if (!tc.waitFor(30, TimeUnit.SECONDS) || tc.exitValue() != 0) {
            out.println(KernelVm.FAILED + " tc refused a change of the qdisc: " + Files.readString(TC_LOG));
        }
    }

    private static String config(int priority) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(priority, VIP);
    }

    private record Sample(long at, VrrpState first, boolean firstVip, VrrpState second, boolean secondVip, long secondReceived) {

        boolean sameAs(Sample other) {
            return first == other.first && firstVip == other.firstVip && second == other.second && secondVip == other.secondVip
                    && secondReceived == other.secondReceived;
        }

        @Override
        public String toString() {
            return at + " " + first + " " + (firstVip ? "vip" : "-") + " " + second + " " + (secondVip ? "vip" : "-") + " " + secondReceived;
        }
    }

    /** The routers' states and addresses every {@link #SAMPLE_PERIOD}, and the changes of the link between. */
    private final class Timeline {

        private final long start = System.nanoTime();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final List<String> lines = new ArrayList<>();
        private Sample last;
        private int samples;
        private long largestGap;

        long now() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }

        void start() {
            sampler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void sample() {
            Sample sample;
            try {
                sample = NetemScenarios.this.sample(now());
            } catch (RuntimeException e) {
                lines.add(now() + " no answer: " + e.getMessage());
                return;
            }
            samples++;
            if (last != null) {
                largestGap = Math.max(largestGap, sample.at - last.at);
            }
            if (last == null || !sample.sameAs(last)) {
                lines.add(sample.toString());
            }
            last = sample;
        }

        synchronized void mark(long since, String netem) {
            lines.add(since + " " + now() + " " + netem);
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            if (!sampler.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the sampler did not stop");
            }
            synchronized (this) {
                lines.add(last.toString());
            }
        }

        synchronized void print(PrintStream out) {
            out.println("samples " + samples + ", largest gap " + largestGap + " ms");
            lines.forEach(out::println);
        }
    }
}
