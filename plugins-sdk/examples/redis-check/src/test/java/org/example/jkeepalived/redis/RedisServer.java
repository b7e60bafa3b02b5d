package org.example.jkeepalived.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server (Debian's package) on a free port of the host's loopback, without persistence,
 * for the tests to check.
 */
final class RedisServer implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path directory;
    private final Process process;

    private RedisServer(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    /**
     * @param options more redis-server options, for example {@code --requirepass s3cret}
     * @return a server that accepts connections
     */
    static RedisServer start(String... options) throws IOException, InterruptedException {
        int port = freePort();
        // a replica writes the master's snapshot to its directory: a temporary one
        Path directory = Files.createTempDirectory("redis-" + port);
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", directory.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"));
        command.addAll(List.of(options));
        Path log = directory.resolve("redis.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RedisServer server = new RedisServer(port, directory, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!server.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("redis-server did not start; see " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    int port() {
        return port;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(address(), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
