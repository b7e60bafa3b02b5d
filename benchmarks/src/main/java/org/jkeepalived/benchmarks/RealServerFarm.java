package org.jkeepalived.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real servers of the scale benchmark: one listener each on loopback, in processes of their own
 * ({@link RealServerProcess}) of at most {@value #PER_PROCESS} listeners each, so that the engine's
 * process holds only its own sockets, its CPU and memory are its own, and no process needs more open
 * files than a common hard limit allows. The listeners take fixed ports below the ephemeral range,
 * {@value #PORTS_PER_ADDRESS} on each of 127.0.0.1, 127.0.0.2 and so on, so that their number is not
 * bounded by the ~28,000 ephemeral ports of one address and the checks' own connections always find
 * a source port.
 *
 * <p>The processes note when their listeners accept: how many connections in all, and the time
 * between two connections to the same real server, which is how the checker spaces its probes as
 * the real servers see it, whichever engine checks.
 */
final class RealServerFarm implements AutoCloseable {

    static final int FIRST_PORT = 10_000;
    static final int PORTS_PER_ADDRESS = 20_000;
    static final int PER_PROCESS = 15_000;

    private final int size;
    private final List<Child> children = new ArrayList<>();

    /**
     * @param count how many real servers
     * @param checker what they answer: TCP_CHECK (accept and close) or HTTP_GET (a page)
     */
    RealServerFarm(int count, String checker) throws IOException {
        size = count;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            for (int first = 0; first < count; first += PER_PROCESS) {
                Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                        RealServerProcess.class.getName(), checker, Integer.toString(first),
                        Integer.toString(Math.min(PER_PROCESS, count - first)))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                children.add(new Child(process));
            }
            for (Child child : children) {
                String ready = child.in.readLine();
                if (!"listening".equals(ready)) {
                    throw new IllegalStateException("a process of real servers did not start: " + ready);
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return where real server {@code index} listens */
    static InetSocketAddress address(int index) {
        byte[] loopback = {127, 0, 0, (byte) (1 + index / PORTS_PER_ADDRESS)};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(loopback), FIRST_PORT + index % PORTS_PER_ADDRESS);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    int size() {
        return size;
    }

    /** @return the connections accepted so far */
    long accepted() throws IOException {
        long total = 0;
        for (Child child : children) {
            total += Long.parseLong(child.ask("accepted"));
        }
        return total;
    }

    /** Forgets the gaps between connections noted so far: those of a warm-up. */
    void restartGaps() throws IOException {
        for (Child child : children) {
            child.ask("restart");
        }
    }

    /** @return the time between two connections to the same real server, each of them, since {@link #restartGaps} */
    Samples gaps() throws IOException {
        Samples all = new Samples();
        for (Child child : children) {
            String answer = child.ask("gaps");
            if (!answer.isEmpty()) {
                Arrays.stream(answer.split(" ")).mapToLong(Long::parseLong).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Closes the listeners of some real servers, as a real server dies: their next connections are
     * refused.
     *
     * @param indices which real servers
     * @return when each listener was closed, by its address, in nanoTime
     */
    Map<InetSocketAddress, Long> kill(List<Integer> indices) throws IOException {
        Map<InetSocketAddress, Long> closedAt = new LinkedHashMap<>();
        for (int c = 0; c < children.size(); c++) {
            int process = c;
            List<String> mine = indices.stream().filter(index -> index / PER_PROCESS == process).map(String::valueOf).toList();
            if (mine.isEmpty()) {
                continue;
            }
            for (String closed : children.get(c).ask("kill " + String.join(",", mine)).split(",")) {
                String[] indexAndTime = closed.split(":");
                closedAt.put(address(Integer.parseInt(indexAndTime[0])), Long.parseLong(indexAndTime[1]));
            }
        }
        return closedAt;
    }

    @Override
    public void close() {
        for (Child child : children) {
            child.out.close();
            try {
                if (!child.process.waitFor(10, TimeUnit.SECONDS)) {
                    child.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A process of real servers and the pipes to it. */
    private static final class Child {
        final Process process;
        final BufferedReader in;
        final PrintStream out;

        Child(Process process) {
            this.process = process;
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            this.out = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        }

        String ask(String request) throws IOException {
            out.println(request);
            String answer = in.readLine();
            if (answer == null || answer.startsWith("error ")) {
                throw new IllegalStateException("a process of real servers failed on " + request + ": " + answer);
            }
            return answer;
        }
    }

    /** Durations in nanoseconds, in a growing array, for percentiles. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        Samples copy() {
            Samples copy = new Samples();
            copy.values = Arrays.copyOf(values, Math.max(1, size));
            copy.size = size;
            return copy;
        }

        int size() {
            return size;
        }

        /** @return the samples, space-separated */
        String format() {
            StringBuilder text = new StringBuilder(size * 11);
            for (int i = 0; i < size; i++) {
                text.append(i == 0 ? "" : " ").append(values[i]);
            }
            return text.toString();
        }

        /**
         * @param percent from 0 to 100
         * @return the value this share of the samples does not exceed (nearest rank), in ms; zero if none
         */
        double percentileMillis(double percent) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.max(1, Math.ceil(percent / 100 * size));
            return sorted[rank - 1] / 1e6;
        }

        /** @return p50, p99 and max in ms, offset by {@code minusMillis}, or that there are none */
        String summary(double minusMillis) {
            if (size == 0) {
                return "no samples";
            }
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", percentileMillis(50) - minusMillis,
                    percentileMillis(99) - minusMillis, percentileMillis(100) - minusMillis, size);
        }
    }
}
