package org.jkeepalived.checker.http.internal;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.util.NetUtil;
import org.jkeepalived.checker.http.api.GenhashRequest;
import org.jkeepalived.checker.http.api.HttpProtocol;

/**
 * {@code bin/genhash}: keepalived's genhash command line, parsed as its getopt_long parses it
 * ({@code -sVALUE}, {@code -s VALUE}, {@code --server=VALUE}, {@code --server VALUE}, grouped flags).
 */
public final class GenhashCommandLine {

    /** Long option names and their short letters. */
    private static final Map<String, Character> LONG = Map.ofEntries(
            Map.entry("help", 'h'), Map.entry("verbose", 'v'), Map.entry("use-ssl", 'S'), Map.entry("use-sni", 'I'),
            Map.entry("server", 's'), Map.entry("port", 'p'), Map.entry("url", 'u'), Map.entry("use-virtualhost", 'V'),
            Map.entry("fwmark", 'm'), Map.entry("protocol", 'P'), Map.entry("timeout", 't'));
    private static final String WITH_VALUE = "spuVmPt";
    private static final String FLAGS = "hvSI";

    private GenhashCommandLine() {
    }

    /**
     * Runs genhash and exits with its status: 0 when the digest was printed, 1 otherwise.
     *
     * @param args genhash's options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args genhash's options
     * @param out where the digest goes
     * @param err where errors and the usage go
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<GenhashRequest> request = parse(args, err);
        if (request.isEmpty()) {
            err.print(usage());
            return 1;
        }
        return new GenhashTool().run(request.get(), out, err);
    }

    /** @return the request, or empty after printing what is wrong */
    static Optional<GenhashRequest> parse(String[] args, PrintStream err) {
        Options options = new Options();
        List<String> unexpected = new ArrayList<>();
        boolean bad = args.length == 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                Character letter = LONG.get(name);
                if (letter == null) {
                    err.println("Unknown option " + arg);
                    bad = true;
                } else if (WITH_VALUE.indexOf(letter) >= 0) {
                    String value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
                    if (value == null) {
                        err.println("Missing parameter for option --" + name);
                        bad = true;
                    } else {
                        bad |= !options.set(letter, value, err);
                    }
                } else {
                    bad |= !options.set(letter, null, err);
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int j = 1; j < arg.length(); j++) {
                    char letter = arg.charAt(j);
                    if (WITH_VALUE.indexOf(letter) >= 0) {
                        String value = j + 1 < arg.length() ? arg.substring(j + 1) : i + 1 < args.length ? args[++i] : null;
                        if (value == null) {
                            err.println("Missing parameter for option -" + letter);
                            bad = true;
                        } else {
                            bad |= !options.set(letter, value, err);
                        }
                        break;
                    } else if (FLAGS.indexOf(letter) >= 0) {
                        bad |= !options.set(letter, null, err);
                    } else {
                        err.println("Unknown option -" + letter);
                        bad = true;
                    }
                }
            } else {
                unexpected.add(arg);
            }
        }
        if (!unexpected.isEmpty()) {
            err.println("Unexpected argument(s): " + String.join(" ", unexpected));
            bad = true;
        }
        if (bad || options.help || options.server == null || options.port == 0 || options.path == null) {
            return Optional.empty();
        }
        return Optional.of(new GenhashRequest(new InetSocketAddress(options.server, options.port), options.path,
                options.tls, options.sni, Optional.ofNullable(options.virtualhost), options.protocol,
                Optional.ofNullable(options.timeout), options.fwmark, options.verbose));
    }

    static String usage() {
        return String.join("\n",
                "Usage: genhash COMMAND [OPTIONS]",
                "Commands:",
                "   -s server-address -p port -u url",
                "   -S -s server-address -p port -u url",
                "   -h",
                "",
                "Options:",
                "Either long or short options are allowed.",
                "   --use-ssl         -S       Use SSL connection to remote server.",
                "   --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).",
                "   --server          -s       Use the specified remote server address.",
                "   --port            -p       Use the specified remote server port.",
                "   --url             -u       Use the specified remote server url.",
                "   --use-virtualhost -V       Use the specified virtualhost in GET query.",
                "   --verbose         -v       Use verbose mode output.",
                "   --help            -h       Display this short inlined help screen.",
                "   --fwmark          -m       Use the specified FW mark.",
                "   --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.",
                "                                1.0c means 1.0 with 'Connection: close'",
                "   --timeout         -t       Timeout in seconds",
                "");
    }

    /** The options as they are read. */
    private static final class Options {
        boolean help;
        boolean verbose;
        boolean tls;
        boolean sni;
        InetAddress server;
        int port;
        String path;
        String virtualhost;
        int fwmark;
        HttpProtocol protocol = HttpProtocol.HTTP_1_0;
        Duration timeout;

        /** @return whether the value is valid, after saying why not */
        boolean set(char letter, String value, PrintStream err) {
            switch (letter) {
                case 'h': help = true; return true;
                case 'v': verbose = true; return true;
                case 'S': tls = true; return true;
                case 'I': sni = true; return true;
                case 'u': path = value; return true;
                case 'V': virtualhost = value; return true;
                case 's':
                    if (!NetUtil.isValidIpV4Address(value) && !NetUtil.isValidIpV6Address(value)) {
                        err.println("server should be an IP, not " + value);
                        return false;
                    }
                    server = NetUtil.createInetAddressFromIpAddressString(value);
                    return true;
                case 'p':
                    port = number(value, 1, 65535);
                    if (port < 0) {
                        err.println("invalid port number '" + value + "'");
                        return false;
                    }
                    return true;
                case 'P':
                    Optional<HttpProtocol> parsed = HttpProtocol.parse(value);
                    parsed.ifPresent(p -> protocol = p);
                    if (parsed.isEmpty()) {
                        err.println("invalid HTTP protocol version '" + value + "'");
                    }
                    return parsed.isPresent();
                case 't':
                    int seconds = number(value.strip(), 1, Integer.MAX_VALUE);
                    if (seconds < 0) {
                        err.println("invalid timeout '" + value + "'");
                        return false;
                    }
                    timeout = Duration.ofSeconds(seconds);
                    return true;
                case 'm':
                    long mark = value.strip().matches("[0-9]{1,10}") ? Long.parseLong(value.strip()) : -1;
                    if (mark < 0 || mark > 0xFFFF_FFFFL) {
                        err.println("invalid fwmark '" + value + "'");
                        return false;
                    }
                    fwmark = (int) mark;
                    return true;
                default:
                    throw new IllegalArgumentException("no option -" + letter);
            }
        }

        private static int number(String value, int min, int max) {
            if (!value.matches("[0-9]{1,10}")) {
                return -1;
            }
            long number = Long.parseLong(value);
            return number < min || number > max ? -1 : (int) number;
        }
    }
}
