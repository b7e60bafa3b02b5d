package org.jkeepalived.checker.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server that accepts connections and never says a word: the server that hangs, or, made
 * with {@link #hangingUp()}, the one that closes each connection once it has read the request. It
 * tells when a client closes its connection.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final Thread acceptor;
    private final boolean hangUp;

    SilentServer() throws IOException {
        this(false);
    }

    /** @return a server that reads the request and closes the connection without a response */
    static SilentServer hangingUp() throws IOException {
        return new SilentServer(true);
    }

    private SilentServer(boolean hangUp) throws IOException {
        this.hangUp = hangUp;
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
    }

    /** @return whether a client closed its connection within the time */
    boolean awaitClientClose(long seconds) throws InterruptedException {
        return clientClosed.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread reader = new Thread(() -> readUntilClosed(client), "silent-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readUntilClosed(Socket client) {
        try (client; InputStream in = client.getInputStream()) {
            while (in.read(new byte[512]) >= 0) {
                if (hangUp) {
                    return;
                }
                // the request is read and ignored
            }
            clientClosed.countDown();
        } catch (IOException e) {
            clientClosed.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
