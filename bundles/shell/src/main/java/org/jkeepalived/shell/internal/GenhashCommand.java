package org.jkeepalived.shell.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jkeepalived.checker.http.api.Genhash;
import org.jkeepalived.checker.http.api.GenhashRequest;
import org.jkeepalived.checker.http.api.HttpProtocol;

/**
 * keepalived's genhash in the shell: prints the MD5 digest of a page, as HTTP_GET and SSL_GET
 * compute it, for a url block's {@code digest}. What genhash prints on its error stream is printed
 * with the rest, where a remote shell client shows it.
 */
@Command(scope = "keepalived", name = "genhash",
        description = "Prints the MD5 digest of a page, as HTTP_GET and SSL_GET compute it, for a url's digest")
@Service
public final class GenhashCommand implements Action {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    @Reference
    Genhash genhash;

    @Option(name = "-s", aliases = "--server", description = "The server's IP address", required = true)
    String server;

    @Option(name = "-p", aliases = "--port", description = "The server's port", required = true)
    int port;

    @Option(name = "-u", aliases = "--url", description = "The path of the page", required = true)
    String url;

    @Option(name = "-S", aliases = "--use-ssl", description = "Use TLS, as SSL_GET")
    boolean ssl;

    @Option(name = "-I", aliases = "--use-sni", description = "Send the virtual host as TLS server name")
    boolean sni;

    @Option(name = "-V", aliases = "--use-virtualhost", description = "The Host header to send")
    String virtualhost;

    @Option(name = "-P", aliases = "--protocol", description = "The HTTP version: 1.0, 1.0c or 1.1")
    String protocol = "1.0";

    @Option(name = "-t", aliases = "--timeout", description = "Seconds to wait for the connection and each read")
    int timeout;

    @Option(name = "-m", aliases = "--fwmark", description = "The firewall mark of the connection")
    long fwmark;

    @Option(name = "-v", aliases = "--verbose", description = "Print the header and the body as they arrive")
    boolean verbose;

    @Override
    public Object execute() {
        Optional<HttpProtocol> version = HttpProtocol.parse(protocol);
        if (version.isEmpty()) {
            System.out.println("invalid HTTP protocol version '" + protocol + "'");
            return null;
        }
        if (port < 1 || port > 65535) {
            System.out.println("invalid port number '" + port + "'");
            return null;
        }
        if (timeout < 0 || fwmark < 0 || fwmark > 0xFFFF_FFFFL) {
            System.out.println(timeout < 0 ? "invalid timeout '" + timeout + "'" : "invalid fwmark '" + fwmark + "'");
            return null;
        }
        Optional<InetAddress> address = literal(server);
        if (address.isEmpty()) {
            System.out.println("server should be an IP, not " + server);
            return null;
        }
        genhash.run(new GenhashRequest(new InetSocketAddress(address.get(), port), url, ssl, sni, Optional.ofNullable(virtualhost),
                version.get(), timeout == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(timeout)), (int) fwmark, verbose),
                System.out, System.out);
        return null;
    }

    /** An IPv4 or IPv6 address as written, never a name to resolve, as genhash takes it. */
    private static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !text.contains(":")) {
            return Optional.empty();
        }
        try {
            // a text with a colon is only ever parsed as an IPv6 literal, never looked up
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
