package org.jkeepalived.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.concurrent.DefaultThreadFactory;

import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.ipvs.internal.userspace.UserspaceDataPlane;

/**
 * What the userspace data plane forwards on loopback: short request-response connections per
 * second (each a connect, a 32-byte request, a 64-byte answer and a close, as a health check or a
 * small HTTP request makes), and the bytes per second of one long upload. Every figure is given
 * through the forwarder and straight to the real servers, in the same run. Client, forwarder and
 * servers share the machine's cores.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec@forwarder-throughput}
 * (optionally {@code -Dseconds=N} per scenario).
 */
public final class ForwarderThroughput {

    private static final InetAddress SERVER = InetAddress.getLoopbackAddress();
    private static final String VIP = "127.0.0.2";
    private static final int CLIENTS = 4;
    private static final byte[] REQUEST = "GET / HTTP/1.0\r\nHost: benchmark\r\n\r\n".substring(0, 32).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = new byte[64];

    private ForwarderThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("seconds", 10);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService servers = Executors.newCachedThreadPool(new DefaultThreadFactory("server", true));
        List<ServerSocket> answering = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answering.add(serve(servers, running, ForwarderThroughput::answer));
        }
        ServerSocket sink = serve(servers, running, ForwarderThroughput::drain);
        try (UserspaceDataPlane plane = new UserspaceDataPlane(new DefaultThreadFactory("dataplane", true),
                Runtime.getRuntime().availableProcessors())) {
            ServiceKey requests = new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getByName(VIP), 18080);
            plane.newService(VirtualService.of(requests, Scheduler.WLC));
            for (ServerSocket server : answering) {
                plane.newDestination(requests, Destination.of(new DestinationKey(SERVER, server.getLocalPort()), 1));
            }
            ServiceKey upload = new ServiceKey.Inet(IpProtocol.TCP, InetAddress.getByName(VIP), 18081);
            plane.newService(VirtualService.of(upload, Scheduler.RR));
            plane.newDestination(upload, Destination.of(new DestinationKey(SERVER, sink.getLocalPort()), 1));

            System.out.printf("userspace forwarder on loopback, %d s per scenario, %d CPUs, %d client threads%n", seconds,
                    Runtime.getRuntime().availableProcessors(), CLIENTS);
            // Warm-up, not reported.
            connectionsPerSecond(new InetSocketAddress(VIP, 18080), Math.max(1, seconds / 4));
            System.out.printf("%-40s %12.0f%n", "connections/s straight to a server",
                    connectionsPerSecond(new InetSocketAddress(SERVER, answering.get(0).getLocalPort()), seconds));
            System.out.printf("%-40s %12.0f%n", "connections/s through the forwarder",
                    connectionsPerSecond(new InetSocketAddress(VIP, 18080), seconds));
            System.out.printf("%-40s %12.0f%n", "upload MB/s straight to a server",
                    uploadMegabytesPerSecond(new InetSocketAddress(SERVER, sink.getLocalPort()), seconds));
            System.out.printf("%-40s %12.0f%n", "upload MB/s through the forwarder",
                    uploadMegabytesPerSecond(new InetSocketAddress(VIP, 18081), seconds));
        } finally {
            running.set(false);
            for (ServerSocket server : answering) {
                server.close();
            }
            sink.close();
            servers.shutdownNow();
        }
    }

    private interface Conversation {
        void handle(Socket socket) throws IOException;
    }

    private static ServerSocket serve(ExecutorService threads, AtomicBoolean running, Conversation conversation) throws IOException {
        ServerSocket server = new ServerSocket(0, 1024, SERVER);
        threads.execute(() -> {
            while (running.get()) {
                try {
                    Socket socket = server.accept();
                    threads.execute(() -> {
                        try (socket) {
                            conversation.handle(socket);
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    private static void answer(Socket socket) throws IOException {
        socket.getInputStream().readNBytes(REQUEST.length);
        socket.getOutputStream().write(ANSWER);
    }

    private static void drain(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            // discard
        }
    }

    private static double connectionsPerSecond(InetSocketAddress target, int seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            counts.add(clients.submit(() -> {
                long done = 0;
                while (System.nanoTime() < end) {
                    try (Socket socket = new Socket()) {
                        socket.setSoLinger(true, 0);
                        socket.connect(target, 2_000);
                        socket.getOutputStream().write(REQUEST);
                        if (socket.getInputStream().readNBytes(ANSWER.length).length == ANSWER.length) {
                            done++;
                        }
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        clients.shutdown();
        return total / (double) seconds;
    }

    private static double uploadMegabytesPerSecond(InetSocketAddress target, int seconds) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long sent = 0;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (Socket socket = new Socket()) {
            socket.connect(target, 2_000);
            OutputStream out = socket.getOutputStream();
            while (System.nanoTime() < end) {
                out.write(chunk);
                sent += chunk.length;
            }
        }
        return sent / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
}
