package org.jkeepalived.checker.smtp;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.netty.util.NetUtil;
import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.CommonCheckerKeywords;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SMTP_CHECK}: the real server is up when it greets with 220, answers {@code HELO helo_name}
 * with 250 and answers {@code QUIT}. The old {@code host} blocks, each with its own connection
 * settings, are still read: every host must pass.
 */
@Component(service = CheckerFactory.class)
public final class SmtpCheckerFactory implements CheckerFactory {

    /** The connection settings a host block may change. */
    static final Set<String> HOST_KEYWORDS = Set.of("connect_ip", "connect_port", "bindto", "bind_port", "bind_if",
            "connect_timeout", "fwmark");

    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(86_400);
    private static final long MAX_FWMARK = 0xFFFF_FFFFL;

    @Override
    public String keyword() {
        return "SMTP_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("helo_name", "host");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        String heloName = block.last("helo_name").flatMap(entry -> single(entry, diagnostics)).map(name -> {
            if (name.isBlank() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                diagnostics.error(block.last("helo_name").get().argumentLocation(0),
                        "helo_name is a domain name or address literal of printable characters without spaces, not '" + name + "'");
            }
            return name;
        }).orElse(SmtpCheckDefinition.DEFAULT_HELO_NAME);
        List<SmtpHost> hosts = new ArrayList<>();
        for (ConfigEntry host : block.all("host")) {
            if (host.block().isEmpty()) {
                diagnostics.error(host.location(), "host opens a block of connection settings: host { connect_ip 192.0.2.25 }");
                continue;
            }
            diagnostics.warning(host.location(), "host blocks are deprecated, as in keepalived: write one SMTP_CHECK per server");
            hosts.add(host(host.block().get(), diagnostics));
        }
        return new SmtpCheckDefinition(heloName, hosts);
    }

    private static SmtpHost host(ConfigBlock host, Diagnostics diagnostics) {
        for (ConfigEntry entry : host.entries()) {
            if (CommonCheckerKeywords.ALL.contains(entry.keyword()) && !HOST_KEYWORDS.contains(entry.keyword())) {
                diagnostics.error(entry.location(), entry.keyword() + " applies to the whole SMTP_CHECK; write it outside the host block");
            } else if (!HOST_KEYWORDS.contains(entry.keyword())) {
                diagnostics.error(entry.location(), "unknown keyword '" + entry.keyword() + "' in host; expected one of "
                        + String.join(", ", HOST_KEYWORDS.stream().sorted().toList()));
            }
        }
        return new SmtpHost(
                value(host, "connect_ip", SmtpCheckerFactory::address, "an IPv4 or IPv6 address", diagnostics),
                value(host, "connect_port", text -> number(text, 1, 65535).map(Long::intValue), "a port from 1 to 65535", diagnostics),
                value(host, "bindto", SmtpCheckerFactory::address, "an IPv4 or IPv6 address", diagnostics),
                value(host, "bind_port", text -> number(text, 0, 65535).map(Long::intValue), "a port from 0 to 65535", diagnostics),
                value(host, "bind_if", Optional::of, "an interface name", diagnostics),
                value(host, "connect_timeout", SmtpCheckerFactory::seconds, "a number of seconds from 0.001 to 86400", diagnostics),
                value(host, "fwmark", text -> number(text, 0, MAX_FWMARK).map(Long::intValue), "a mark from 0 to 4294967295", diagnostics));
    }

    private static <T> Optional<T> value(ConfigBlock block, String keyword, Function<String, Optional<T>> parse, String expected,
            Diagnostics diagnostics) {
        return block.last(keyword).flatMap(entry -> single(entry, diagnostics).flatMap(text -> {
            Optional<T> value = parse.apply(text);
            if (value.isEmpty()) {
                diagnostics.error(entry.argumentLocation(0), keyword + " is " + expected + ", not '" + text + "'");
            }
            return value;
        }));
    }

    private static Optional<InetAddress> address(String text) {
        return NetUtil.isValidIpV4Address(text) || NetUtil.isValidIpV6Address(text)
                ? Optional.of(NetUtil.createInetAddressFromIpAddressString(text)) : Optional.empty();
    }

    private static Optional<Long> number(String text, long min, long max) {
        if (!text.matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value < min || value > max ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Duration> seconds(String text) {
        try {
            BigDecimal millis = new BigDecimal(text).multiply(MILLIS_PER_SECOND);
            if (millis.signum() > 0 && millis.compareTo(MAX_SECONDS.multiply(MILLIS_PER_SECOND)) <= 0
                    && millis.stripTrailingZeros().scale() <= 0) {
                return Optional.of(Duration.ofMillis(millis.longValueExact()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number of seconds
        }
        return Optional.empty();
    }

    private static Optional<String> single(ConfigEntry entry, Diagnostics diagnostics) {
        if (entry.arguments().size() != 1) {
            diagnostics.error(entry.location(), entry.keyword() + " takes exactly one value");
            return Optional.empty();
        }
        return Optional.of(entry.arguments().get(0));
    }
}
