package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.http.internal.HttpGetCheckerFactory;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.checker.tcp.TcpCheckerFactory;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.internal.HealthEngine;
import org.jkeepalived.healthcheck.internal.ProbeLateness;
import org.jkeepalived.testing.netns.NetworkNamespace;

/**
 * The health-checking engine at scale: 10,000 real servers listening on loopback, each checked by
 * TCP_CHECK (or 1,000 by HTTP_GET, each fetching a page) with delay_loop 5 s, for a minute after
 * two periods of warm-up. Prints, for that minute,
 * the CPU the checker threads use per second of checking and the lateness of probe starts against
 * their deadlines (p50, p99, max, within 12.5%); then the heap and resident memory of the process.
 *
 * <p>It runs in a network namespace of its own (it needs root), so that its listeners and the
 * checks' connections stay out of the host's loopback, and raises its open-file limit to what it
 * needs, the number of real servers and 4096 (beyond the hard limit only with CAP_SYS_RESOURCE;
 * otherwise run it after {@code ulimit -n 14096}).
 *
 * <p>With {@code -Dengine=keepalived} the same real servers are checked by keepalived's checker
 * process ({@code keepalived --check}) with the same configuration instead, and its CPU and memory
 * are printed: keepalived's checker needs IPVS, so that run takes a kernel that has it
 * ({@code benchmarks/checkers-side-by-side} runs both engines in one kernel-vm guest, where
 * {@code -Dnamespace=false}: the guest is isolated already and its root file system read-only).
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec@health-scale}
 * (optionally {@code -Dchecker=HTTP_GET}, {@code -Dseconds=N}, {@code -Dservers=N},
 * {@code -Dthreads=N} checker loops, {@code -Dwarmup=N} seconds before measuring, 10 by default).
 */
public final class HealthCheckScale {

    private static final int SERVERS_PER_VIRTUAL_SERVER = 100;
    private static final int DELAY_LOOP_SECONDS = 5;

    /** What each real server answers and how it is checked. */
    private enum Workload {
        TCP_CHECK(10_000, "TCP_CHECK {\n            connect_timeout 2\n        }", new CloseOnAccept()) {
            @Override
            CheckerFactory factory() {
                return new TcpCheckerFactory();
            }
        },
        HTTP_GET(1_000, "HTTP_GET {\n            url {\n                path /health\n                status_code 200\n            }\n"
                + "            connect_timeout 2\n        }", new AnswerPage()) {
            @Override
            CheckerFactory factory() {
                return new HttpGetCheckerFactory();
            }
        };

        final int defaultServers;
        final String block;
        final ChannelHandler server;

        Workload(int defaultServers, String block, ChannelHandler server) {
            this.defaultServers = defaultServers;
            this.block = block;
            this.server = server;
        }

        abstract CheckerFactory factory();
    }

    private HealthCheckScale() {
    }

    public static void main(String[] args) throws Exception {
        Workload workload = Workload.valueOf(System.getProperty("checker", "TCP_CHECK"));
        int servers = Integer.getInteger("servers", workload.defaultServers);
        int seconds = Integer.getInteger("seconds", 60);
        int threads = Integer.getInteger("threads", 2);
        // The first probes spread over warmup (delay_loop); one more period lets every checker settle.
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 2 * DELAY_LOOP_SECONDS));
        boolean keepalived = "keepalived".equals(System.getProperty("engine", "jkeepalived"));
        // A listener per real server, and a few thousand for probes in flight and the JVM.
        raiseOpenFileLimit(servers + 4096L);
        if (!Boolean.parseBoolean(System.getProperty("namespace", "true"))) {
            run(workload, servers, seconds, threads, warmUp, keepalived);
            return;
        }
        try (NetworkNamespace namespace = NetworkNamespace.create()) {
            // Threads and processes started from here on live in the namespace: the listeners', the engine's.
            namespace.enter();
            run(workload, servers, seconds, threads, warmUp, keepalived);
        }
    }

    private static void run(Workload workload, int servers, int seconds, int threads, Duration warmUp, boolean keepalived) throws Exception {
        EventLoopGroup serverLoop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            List<Integer> ports = listen(serverLoop, workload.server, servers);
            String configText = configText(workload, ports);
            System.out.printf("health checking at scale by %s: %d real servers on loopback, %s every %d s, %s, "
                    + "%d CPUs, %d s measured%n", keepalived ? "keepalived's checker process" : "jkeepalived", servers,
                    workload, DELAY_LOOP_SECONDS, keepalived ? "one process" : threads + " checker loops",
                    Runtime.getRuntime().availableProcessors(), seconds);
            if (keepalived) {
                KeepalivedChecker.measure(configText, warmUp, Duration.ofSeconds(seconds),
                        servers / DELAY_LOOP_SECONDS, CountingHandler.ACCEPTED::sum);
            } else {
                measure(workload, configText, servers, seconds, threads, warmUp);
            }
        } finally {
            serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static void measure(Workload workload, String configText, int servers, int seconds, int threads, Duration warmUp) throws Exception {
        CheckerFactory factory = workload.factory();
        KeepalivedConfig config = config(factory, configText);
        long heapBefore = usedHeapAfterGc();
        try (HealthEngine engine = new HealthEngine(threads, new OnePlugin(factory))) {
            engine.apply(config);
            Thread.sleep(warmUp.toMillis());
            ProbeLateness.Histogram startsBefore = engine.lateness();
            long acceptedBefore = CountingHandler.ACCEPTED.sum();
            long cpuBefore = checkerCpuNanos();
            long processCpuBefore = processCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            double elapsed = (System.nanoTime() - start) / 1e9;
            long cpu = checkerCpuNanos() - cpuBefore;
            long processCpu = processCpuNanos() - processCpuBefore;
            long accepted = CountingHandler.ACCEPTED.sum() - acceptedBefore;
            ProbeLateness.Histogram starts = engine.lateness().since(startsBefore);
            List<RealServerHealth> snapshot = engine.snapshot();
            long up = snapshot.stream().filter(RealServerHealth::up).count();
            long heapWith = usedHeapAfterGc();

            System.out.printf("real servers up                      %d of %d%n", up, snapshot.size());
            System.out.printf("probes per second                    %.0f (expected %d)%n",
                    starts.count() / elapsed, servers / DELAY_LOOP_SECONDS);
            System.out.printf("connections accepted per second      %.0f%n", accepted / elapsed);
            System.out.printf("checker threads CPU s per s          %.3f%n", cpu / 1e9 / elapsed);
            System.out.printf("whole process CPU s per s            %.3f (with the listeners accepting)%n", processCpu / 1e9 / elapsed);
            System.out.printf("probe start lateness p50             %.2f ms%n", starts.percentile(50).toNanos() / 1e6);
            System.out.printf("probe start lateness p99             %.2f ms%n", starts.percentile(99).toNanos() / 1e6);
            System.out.printf("probe start lateness max             %.2f ms%n", starts.max().toNanos() / 1e6);
            System.out.printf("heap used by the engine after GC     %.1f MiB (%.0f bytes per real server)%n",
                    (heapWith - heapBefore) / 1048576.0, (heapWith - heapBefore) / (double) servers);
            System.out.printf("heap used in all after GC            %.1f MiB%n", heapWith / 1048576.0);
            System.out.printf("heap committed                       %.1f MiB%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0);
            // ZGC maps its heap three times: the shared part of the resident set counts heap pages more than once.
            System.out.printf("resident set size                    %s (anonymous %s, shared %s)%n", status("VmRSS"),
                    status("RssAnon"), status("RssShmem"));
        }
    }

    /** Opens the real servers: listeners whose connections the handler serves. */
    private static List<Integer> listen(EventLoopGroup loop, ChannelHandler handler, int count) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(EpollServerSocketChannel.class)
                .childHandler(handler);
        List<Integer> ports = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Channel channel = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            ports.add(((InetSocketAddress) channel.localAddress()).getPort());
        }
        return ports;
    }

    /** The same keepalived.conf for both engines: 100 real servers per virtual server. */
    private static String configText(Workload workload, List<Integer> ports) {
        StringBuilder text = new StringBuilder();
        for (int first = 0; first < ports.size(); first += SERVERS_PER_VIRTUAL_SERVER) {
            int virtualServer = first / SERVERS_PER_VIRTUAL_SERVER;
            text.append("virtual_server 192.0.2.").append(virtualServer % 250 + 1).append(' ').append(80 + virtualServer / 250)
                    .append(" {\n    protocol TCP\n    delay_loop ").append(DELAY_LOOP_SECONDS).append('\n');
            for (int i = first; i < Math.min(ports.size(), first + SERVERS_PER_VIRTUAL_SERVER); i++) {
                text.append("    real_server 127.0.0.1 ").append(ports.get(i)).append(" {\n        ").append(workload.block)
                        .append("\n    }\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    private static KeepalivedConfig config(CheckerFactory factory, String text) {
        ConfigResult result = ConfigReader.builder().configId("scale").hostName("scale")
                .checkers(keyword -> keyword.equals(factory.keyword()) ? Optional.of(factory) : Optional.empty())
                .build().read("scale.conf", text);
        return result.config().orElseThrow(() -> new IllegalStateException(result.summary()));
    }

    /** CPU time of the engine's threads: the checker loops and the control thread. */
    private static long checkerCpuNanos() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("checker-") || info.getThreadName().equals("healthcheck-control"))) {
                total += Math.max(0, bean.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A line of /proc/self/status, such as VmRSS. */
    private static String status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim())
                .findFirst().orElse("unknown");
    }

    /** Raises RLIMIT_NOFILE to {@code wanted} where it is lower; beyond the hard limit that takes CAP_SYS_RESOURCE. */
    private static void raiseOpenFileLimit(long wanted) {
        Rlimit limit = new Rlimit();
        Resources.INSTANCE.getrlimit(Resources.RLIMIT_NOFILE, limit);
        if (limit.current >= wanted) {
            return;
        }
        limit.current = wanted;
        limit.maximum = Math.max(limit.maximum, wanted);
        try {
            Resources.INSTANCE.setrlimit(Resources.RLIMIT_NOFILE, limit);
        } catch (LastErrorException e) {
            throw new IllegalStateException("the open file limit is below " + wanted + " and cannot be raised ("
                    + e.getMessage() + "): run after ulimit -n " + wanted, e);
        }
    }

    /** getrlimit(2) and setrlimit(2). */
    private interface Resources extends com.sun.jna.Library {
        Resources INSTANCE = Native.load("c", Resources.class);
        int RLIMIT_NOFILE = 7;

        int getrlimit(int resource, Rlimit limit) throws LastErrorException;

        int setrlimit(int resource, Rlimit limit) throws LastErrorException;
    }

    /** struct rlimit. */
    @Structure.FieldOrder({"current", "maximum"})
    public static final class Rlimit extends Structure {
        public long current;
        public long maximum;
    }

    /** Counts the connections the real servers accept: the probes that reached them, whichever engine sent them. */
    private abstract static class CountingHandler extends ChannelInboundHandlerAdapter {
        static final LongAdder ACCEPTED = new LongAdder();

        @Override
        public void channelActive(ChannelHandlerContext context) {
            ACCEPTED.increment();
            accepted(context);
        }

        abstract void accepted(ChannelHandlerContext context);
    }

    /** Accepts and closes at once. */
    @ChannelHandler.Sharable
    private static final class CloseOnAccept extends CountingHandler {
        @Override
        void accepted(ChannelHandlerContext context) {
            context.close();
        }
    }

    /** Answers the first bytes of a request with a small page and closes, as an HTTP/1.0 server does. */
    @ChannelHandler.Sharable
    private static final class AnswerPage extends CountingHandler {
        private static final byte[] PAGE = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
                .getBytes(StandardCharsets.US_ASCII);

        @Override
        void accepted(ChannelHandlerContext context) {
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object request) {
            ReferenceCountUtil.release(request);
            if (context.channel().isActive()) {
                context.writeAndFlush(Unpooled.wrappedBuffer(PAGE)).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** The checker registry of the harness: the one checker of the workload. */
    private record OnePlugin(CheckerFactory factory, CheckerRegistration registration) implements CheckerRegistry {

        OnePlugin(CheckerFactory factory) {
            this(factory, new CheckerRegistration(factory.keyword(), Set.of(), "org.jkeepalived.benchmarks", "0", 0, 1, 0));
        }

        @Override
        public Optional<CheckerFactory> factory(String keyword) {
            return keyword.equals(factory.keyword()) ? Optional.of(factory) : Optional.empty();
        }

        @Override
        public Optional<CheckerRegistration> serving(String keyword) {
            return keyword.equals(factory.keyword()) ? Optional.of(registration) : Optional.empty();
        }

        @Override
        public List<CheckerRegistration> registrations() {
            return List.of(registration);
        }
    }
}
