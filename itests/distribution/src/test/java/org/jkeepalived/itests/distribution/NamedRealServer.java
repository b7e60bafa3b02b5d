package org.jkeepalived.itests.distribution;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** Real HTTP servers for the distribution's virtual servers: each answers its own name. */
final class NamedRealServer {

    private NamedRealServer() {
    }

    /**
     * @param distribution whose namespace the server lives in
     * @param n the server's number: it listens on 127.0.0.1N and answers {@code rsN}
     * @param port its port
     * @return the running server
     */
    static HttpServer start(Distribution distribution, int n, int port) throws Exception {
        HttpServer server = distribution.namespace().call(() -> HttpServer.create(new InetSocketAddress("127.0.0.1" + n, port), 50));
        byte[] name = ("rs" + n).getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, name.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(name);
            }
        });
        server.start();
        return server;
    }
}
