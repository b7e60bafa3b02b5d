package org.jkeepalived.testing.servers;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Dnsmasq dnsmasq = new Dnsmasq(process, new InetSocketAddress(loopback, port));
        dnsmasq.awaitListening();
        return dnsmasq;
    }

    /** @return where dnsmasq answers, on 127.0.0.1 */
    public InetSocketAddress address() {
        return address;
    }

    /** Waits until dnsmasq holds its port, which a socket of ours can then no longer take. */
    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (DatagramSocket socket = new DatagramSocket(address)) {
                Thread.sleep(50);
            } catch (BindException e) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("dnsmasq did not start on " + address);
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
