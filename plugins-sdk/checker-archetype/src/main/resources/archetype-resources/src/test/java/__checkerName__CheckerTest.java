package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.jkeepalived.checker.api.CheckOutcome;
import org.jkeepalived.checker.testkit.CheckerTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ${keyword} against real servers on loopback, bound and probed by the checker test kit as
 * jkeepalived binds and probes it.
 */
class ${checkerName}CheckerTest {

    private final CheckerTestKit kit = CheckerTestKit.of(new ${checkerName}CheckerFactory());

    @AfterEach
    void closeKit() {
        kit.close();
    }

    @Test
    void aServerWithTheExpectedGreetingIsUp() throws IOException {
        try (ServerSocket server = greeter("220 mail.example.com ESMTP")) {
            CheckOutcome outcome = kit.probe("${keyword} {\n    greeting 220\n    connect_timeout 2\n}", address(server));

            assertTrue(outcome.isUp(), outcome::toString);
            assertEquals("greeting 220 mail.example.com ESMTP", outcome.detail());
        }
    }

    @Test
    void aServerWithAnotherGreetingIsDown() throws IOException {
        try (ServerSocket server = greeter("554 no service")) {
            CheckOutcome outcome = kit.probe("${keyword} {\n    greeting 220\n}", address(server));

            assertFalse(outcome.isUp());
            assertEquals("greeting \"554 no service\", expected one starting with \"220\"", outcome.detail());
        }
    }

    @Test
    void aClosedPortIsDown() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket server = greeter("220 gone")) {
            closed = address(server);
        }

        CheckOutcome outcome = kit.probe("${keyword} {\n}", closed);

        assertEquals(CheckOutcome.down("cannot connect: Connection refused"), outcome);
    }

    @Test
    void aGreetingWithoutAWordIsAnErrorAtItsLine() {
        List<String> diagnostics = kit.diagnostics("${keyword} {\n    greeting\n}").stream()
                .map(Object::toString).collect(Collectors.toList());

        assertEquals(List.of("checker.conf:2:5: error: greeting takes one word, the start of the server's first line, found 0"),
                diagnostics);
    }

    /** A server on loopback that sends {@code line} to every client and closes. */
    private static ServerSocket greeter(String line) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }, "greeter");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static InetSocketAddress address(ServerSocket server) {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }
}
