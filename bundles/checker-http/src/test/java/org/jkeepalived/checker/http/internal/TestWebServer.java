package org.jkeepalived.checker.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP or HTTPS server on loopback, the JDK's own, with the pages the tests check:
 * <ul>
 * <li>{@code /ok}: 200 with "ok\n"; {@code /page}: 200 with {@link #PAGE};</li>
 * <li>{@code /missing}: 404; {@code /unavailable}: 503;</li>
 * <li>{@code /echo}: 200 with the request as the server saw it: request line, Host, Connection,
 * User-Agent and the TLS server name, one per line;</li>
 * <li>{@code /slow}: 200 promising 1000 bytes, sending 10, then nothing for 30 s.</li>
 * </ul>
 * The HTTPS server uses a self-signed certificate that keytool makes for the test.
 */
final class TestWebServer implements AutoCloseable {

    static final byte[] PAGE = ("<html><head><title>jkeepalived</title></head>\n<body>\n<p>status: healthy</p>\n"
            + "<p>backends: 3</p>\n</body></html>\n").getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private TestWebServer(HttpServer server) {
        this.server = server;
        server.createContext("/ok", exchange -> respond(exchange, 200, "ok\n".getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/page", exchange -> respond(exchange, 200, PAGE));
        server.createContext("/missing", exchange -> respond(exchange, 404, "no such page\n".getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/unavailable", exchange -> respond(exchange, 503, "later\n".getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/echo", exchange -> respond(exchange, 200, echo(exchange).getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/slow", exchange -> {
            drain(exchange);
            exchange.sendResponseHeaders(200, 1000);
            OutputStream body = exchange.getResponseBody();
            body.write("0123456789".getBytes(StandardCharsets.US_ASCII));
            body.flush();
            sleep(30_000);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** @return a plain HTTP server on 127.0.0.1 */
    static TestWebServer http() throws IOException {
        return http(InetAddress.getLoopbackAddress());
    }

    /**
     * @param address the address to listen on
     * @return a plain HTTP server
     */
    static TestWebServer http(InetAddress address) throws IOException {
        return new TestWebServer(HttpServer.create(new InetSocketAddress(address, 0), 16));
    }

    /**
     * @param directory where keytool writes the key store
     * @return an HTTPS server on 127.0.0.1 with a self-signed certificate for www.example.test
     */
    static TestWebServer https(Path directory) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned(directory)));
        return new TestWebServer(server);
    }

    /** @return the server's address */
    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String echo(HttpExchange exchange) {
        String serverName = "";
        if (exchange instanceof HttpsExchange) {
            List<SNIServerName> names = ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession()).getRequestedServerNames();
            serverName = names.isEmpty() ? "" : ((SNIHostName) names.get(0)).getAsciiName();
        }
        return "request=" + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getProtocol() + "\n"
                + "host=" + header(exchange, "Host") + "\n"
                + "connection=" + header(exchange, "Connection") + "\n"
                + "user-agent=" + header(exchange, "User-Agent") + "\n"
                + "sni=" + serverName + "\n";
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        drain(exchange);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A key pair and self-signed certificate made by the JDK's keytool, as an operator makes one. */
    private static SSLContext selfSigned(Path directory) throws Exception {
        Path store = directory.resolve("server.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=www.example.test", "-ext", "SAN=dns:www.example.test,ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(password))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(store)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
