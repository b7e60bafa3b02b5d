package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.util.concurrent.DefaultThreadFactory;

import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;

/**
 * HTTP through the userspace data plane, measured by wrk: three nginx real servers on loopback
 * behind a WLC virtual server, and wrk once straight to one of them and once through the virtual
 * server, in the same run, with keep-alive connections and with a new connection per request.
 * Prints requests/s and p99 latency of each, and the ratios. wrk, nginx, forwarder and servers
 * share the machine's cores, so the ratios, not the figures, carry over to other machines.
 *
 * <p>Needs Debian's {@code wrk} and {@code nginx-light} (or any nginx). Run:
 * {@code mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec@wrk-forwarder}
 * (optionally {@code -Dseconds=N} per measurement).
 */
public final class WrkThroughForwarder {

    private static final String VIP = "127.0.0.2";
    private static final int VIP_PORT = 18090;
    private static final int SERVERS = 3;
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: .*|Non-2xx or 3xx responses: .*");

    private WrkThroughForwarder() {
    }

    /** One wrk measurement. */
    private record Result(double requestsPerSecond, double p99Millis, String errors) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("seconds", 10);
        Path directory = Files.createTempDirectory("wrk-forwarder");
        List<Integer> ports = freePorts(SERVERS);
        Process nginx = startNginx(directory, ports);
        try (UserspaceDataPlane plane = new UserspaceDataPlane(new DefaultThreadFactory("dataplane", true),
                Runtime.getRuntime().availableProcessors())) {
            ServiceKey service = new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getByName(VIP), VIP_PORT);
            plane.newService(VirtualService.of(service, Scheduler.WLC));
            for (int port : ports) {
                plane.newDestination(service, Destination.of(new DestinationKey(InetAddress.getLoopbackAddress(), port), 1));
            }
            String direct = "http://127.0.0.1:" + ports.get(0) + "/";
            String forwarded = "http://" + VIP + ":" + VIP_PORT + "/";
            awaitAnswer(new InetSocketAddress(VIP, VIP_PORT));

            System.out.printf("wrk -t2 -c64 over loopback, %d s per measurement, %d CPUs, nginx with %d real servers%n",
                    seconds, Runtime.getRuntime().availableProcessors(), SERVERS);
            wrk(forwarded, Math.max(1, seconds / 4), false); // warm-up, not reported
            for (boolean close : new boolean[] {false, true}) {
                String mode = close ? "a new connection per request" : "keep-alive connections";
                Result straight = wrk(direct, seconds, close);
                Result through = wrk(forwarded, seconds, close);
                System.out.printf("%n%s%n", mode);
                System.out.printf("  %-28s %10.0f req/s   p99 %7.2f ms %s%n", "straight to one real server",
                        straight.requestsPerSecond(), straight.p99Millis(), straight.errors());
                System.out.printf("  %-28s %10.0f req/s   p99 %7.2f ms %s%n", "through the virtual server",
                        through.requestsPerSecond(), through.p99Millis(), through.errors());
                System.out.printf("  %-28s %10.2f         p99 %7.2f x%n", "ratio (through / straight)",
                        through.requestsPerSecond() / straight.requestsPerSecond(), through.p99Millis() / straight.p99Millis());
            }
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** One nginx master with one worker serving a small page on each port: three real servers. */
    private static Process startNginx(Path directory, List<Integer> ports) throws IOException, InterruptedException {
        StringBuilder servers = new StringBuilder();
        for (int port : ports) {
            servers.append("""
                        server {
                            listen 127.0.0.1:%d backlog=4096;
                            location / { return 200 "real server %d\\n"; }
                        }
                    """.formatted(port, port));
        }
        Path config = Files.writeString(directory.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_requests 1000000;
                    client_body_temp_path %1$s;
                    proxy_temp_path %1$s;
                    fastcgi_temp_path %1$s;
                    uwsgi_temp_path %1$s;
                    scgi_temp_path %1$s;
                %2$s}
                """.formatted(directory, servers), StandardCharsets.US_ASCII);
        Process nginx = new ProcessBuilder("nginx", "-c", config.toString(), "-p", directory.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        for (int port : ports) {
            awaitAnswer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        return nginx;
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void awaitAnswer(InetSocketAddress address) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1_000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("nothing answers on " + address + " after 10 s", e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static Result wrk(String url, int seconds, boolean closeEachConnection) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency"));
        if (closeEachConnection) {
            command.addAll(List.of("-H", "Connection: close"));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        Matcher requests = REQUESTS.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!requests.find() || !p99.find()) {
            throw new IOException("cannot read the figures of wrk:\n" + output);
        }
        double latency = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        List<String> errors = ERRORS.matcher(output).results().map(match -> match.group().trim()).toList();
        return new Result(Double.parseDouble(requests.group(1)), millis, errors.isEmpty() ? "" : "(" + String.join("; ", errors) + ")");
    }
}
