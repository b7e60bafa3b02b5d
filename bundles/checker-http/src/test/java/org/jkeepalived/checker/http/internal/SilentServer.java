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
 * A TCP server that accepts connections and never says a word: the server that hangs. It tells
 * when a client closes its connection.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final Thread acceptor;

    SilentServer() throws IOException {
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
