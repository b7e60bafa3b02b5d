package ${package};

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.jkeepalived.checker.testkit.DistributionUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle as built, hot-deployed into the running jkeepalived distribution: it takes over the
 * ${keyword} blocks of the configuration and checks their real servers, one greeting on the
 * distribution's loopback and one not listening.
 */
class ${checkerName}HotDeployIT {

    private static final int GREETING_PORT = 2525;
    private static final int CLOSED_PORT = 2526;
    private static final String CONFIG = """
            virtual_server 192.0.2.1 25 {
                protocol TCP
                delay_loop 1
                real_server 127.0.0.1 %d {
                    ${keyword} {
                        greeting 220
                        connect_timeout 2
                        retry 0
                    }
                }
                real_server 127.0.0.1 %d {
                    ${keyword} {
                        connect_timeout 2
                        retry 0
                    }
                }
            }
            """.formatted(GREETING_PORT, CLOSED_PORT);

    @TempDir
    Path directory;

    @Test
    void theDeployedBundleChecksTheRealServersOfItsKeyword() throws Exception {
        try (DistributionUnderTest jkeepalived = DistributionUnderTest.start(directory, CONFIG);
             ServerSocket greeter = jkeepalived.namespace().call(
                     () -> new ServerSocket(GREETING_PORT, 50, InetAddress.getLoopbackAddress()))) {
            greet(greeter, "220 ready");

            jkeepalived.deploy(Path.of(System.getProperty("plugin.jar")));

            Pattern served = Pattern.compile(Pattern.quote("${keyword}") + "\\s*\\|\\s*" + Pattern.quote("${groupId}.${artifactId}") + ".*serving");
            jkeepalived.awaitShell("keepalived:checkers", checkers -> served.matcher(checkers).find(), Duration.ofSeconds(60));
            jkeepalived.awaitShell("keepalived:checks", checks -> row(GREETING_PORT, "up").matcher(checks).find()
                    && row(CLOSED_PORT, "down").matcher(checks).find(), Duration.ofSeconds(60));

            greeter.close();

            String checks = jkeepalived.awaitShell("keepalived:checks",
                    output -> row(GREETING_PORT, "down").matcher(output).find(), Duration.ofSeconds(60));
            assertTrue(checks.contains("0 up, 2 down"), checks);
        }
    }

    /** A row of keepalived:checks: real server, state, weight 1, the checker and its state. */
    private static Pattern row(int port, String state) {
        return Pattern.compile("\\[127\\.0\\.0\\.1\\]:tcp:" + port + "\\s*\\|\\s*" + state
                + "\\s*\\|\\s*1\\s*\\|\\s*${keyword} " + state);
    }

    /** Sends {@code line} to every client of {@code server}, until it is closed. */
    private static void greet(ServerSocket server, String line) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed by the test, or the client went away first
                }
            }
        }, "greeter");
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
