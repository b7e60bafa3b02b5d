package org.jkeepalived.healthcheck.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real server on loopback for the engine's tests: it accepts every connection, records when, and
 * writes one line (for {@link AnswerCheckerFactory}, after an optional delay) before closing it. It
 * can be closed and opened again on the same port, as a service restarts.
 */
final class TestServer implements AutoCloseable {

    private final int port;
    private final List<Long> connections = new CopyOnWriteArrayList<>();
    private volatile String answer = "up";
    private volatile long answerDelayMillis;
    private volatile ServerSocket socket;

    private TestServer(ServerSocket socket) {
        this.socket = socket;
        this.port = socket.getLocalPort();
        serve(socket);
    }

    /** @return a server listening on 127.0.0.1, on a port of the kernel's choice */
    static TestServer open() {
        try {
            return new TestServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** @param line what the next connections are told, such as {@code up 5} or {@code down overloaded} */
    void answer(String line) {
        answer = line;
    }

    /** @param millis how long each answer waits before it is written */
    void answerDelay(long millis) {
        answerDelayMillis = millis;
    }

    /** @return the {@link System#nanoTime()} of each connection accepted, in order */
    List<Long> connections() {
        return List.copyOf(connections);
    }

    /** Stops listening: connections are refused until {@link #reopen()}. */
    void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens again on the same port. */
    void reopen() {
        try {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket = again;
            serve(again);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void serve(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try (Socket connection = listening.accept()) {
                    connections.add(System.nanoTime());
                    if (answerDelayMillis > 0) {
                        Thread.sleep(answerDelayMillis);
                    }
                    OutputStream out = connection.getOutputStream();
                    out.write((answer + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed, or the checker went away first
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
