package org.jkeepalived.testing.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's dnsmasq as the DNS server of a test, on loopback, in the foreground, with the records
 * the test gives and no upstream: names of its local domain that it does not know are NXDOMAIN,
 * others REFUSED.
 */
public final class Dnsmasq implements AutoCloseable {

    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");

    private final Process process;
    private final InetSocketAddress address;

    private Dnsmasq(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /**
     * @param localDomain the domain dnsmasq answers for alone
     * @param hostRecords {@code --host-record} values, for example {@code www.example.test,192.0.2.7}
     * @return the running server; skips the test if dnsmasq is not installed
     */
    public static Dnsmasq start(String localDomain, String... hostRecords) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DNSMASQ), "dnsmasq is not installed (apt-get install dnsmasq-base)");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, loopback)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(DNSMASQ.toString(), "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=" + loopback.getHostAddress(),
                "--port=" + port, "--user=root", "--pid-file=", "--log-facility=-", "--local=/" + localDomain + "/"));
        for (String record : hostRecords) {
            command.add("--host-record=" + record);
        }
        Path log = Files.createTempFile("dnsmasq", ".log");
        log.toFile().deleteOnExit();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Dnsmasq dnsmasq = new Dnsmasq(process, new InetSocketAddress(loopback, port));
        dnsmasq.awaitAnswering(localDomain, log);
        return dnsmasq;
    }

    /** @return where dnsmasq answers, on 127.0.0.1 */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Waits until dnsmasq answers a query. Probing by binding the port ourselves would race with
     * dnsmasq binding it.
     */
    private void awaitAnswering(String localDomain, Path log) throws IOException, InterruptedException {
        byte[] query = query(localDomain);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(address);
            socket.setSoTimeout(100);
            byte[] answer = new byte[512];
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    socket.send(new DatagramPacket(query, query.length));
                    socket.receive(new DatagramPacket(answer, answer.length));
                    return;
                } catch (SocketTimeoutException | PortUnreachableException notYet) {
                    Thread.sleep(50);
                }
            }
        }
        close();
        throw new IllegalStateException("dnsmasq did not start on " + address + ": " + Files.readString(log).strip());
    }

    /** A query for the SOA of {@code domain}, id 1, recursion desired. */
    private static byte[] query(String domain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : domain.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.writeBytes(new byte[] {0, 0, 6, 0, 1});
        return out.toByteArray();
    }

    /** Stops dnsmasq. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
