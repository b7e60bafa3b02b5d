package org.jkeepalived.config.internal.bind;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;

/**
 * virtual_server_group NAME { ... }: lines of {@code IP [PORT]}, address ranges
 * ({@code a.b.c.d-e}, {@code a.b.c.d-e.f.g.h}, {@code a.b.c.d/nn} and IPv6 alike) and
 * {@code fwmark N [inet|inet6]}.
 */
final class VirtualServerGroupBinder {

    private static final String USAGE = "IP[-LAST|/PREFIX] [PORT], or fwmark MARK [inet|inet6]";

    private VirtualServerGroupBinder() {
    }

    static VirtualServerGroup bind(String name, ConfigBlock block, BindContext context) {
        List<VirtualServerGroup.Entry> entries = new ArrayList<>();
        for (ConfigEntry entry : block.entries()) {
            Args line = Args.line(entry, "virtual_server_group " + name, USAGE, context);
            (line.word(0).equals("fwmark") ? fwmark(line) : range(line)).ifPresent(entries::add);
        }
        return new VirtualServerGroup(name, entries);
    }

    private static Optional<VirtualServerGroup.Entry> fwmark(Args line) {
        if (!line.require(2)) {
            return Optional.empty();
        }
        line.atMost(3);
        Optional<Long> mark = line.number(1, 1, 0xFFFF_FFFFL);
        Optional<IpFamily> family = Optional.empty();
        if (line.has(2)) {
            family = line.choice(2, Map.of("inet", IpFamily.INET, "inet6", IpFamily.INET6));
            if (family.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<IpFamily> chosen = family;
        return mark.map(m -> new VirtualServerGroup.Fwmark(m, chosen));
    }

    private static Optional<VirtualServerGroup.Entry> range(Args line) {
        line.atMost(2);
        int port = 0;
        if (line.has(1)) {
            Optional<Integer> given = line.integer(1, 0, 65535).map(Long::intValue);
            if (given.isEmpty()) {
                return Optional.empty();
            }
            port = given.get();
        }
        InetAddress[] bounds = bounds(line.word(0));
        if (bounds == null) {
            line.invalid(0, "an address, a range as 192.0.2.1-10 or 192.0.2.1-192.0.2.10, or a prefix as 192.0.2.0/29");
            return Optional.empty();
        }
        return Optional.of(new VirtualServerGroup.AddressRange(bounds[0], bounds[1], port));
    }

    /** The first and last address of a range, or null if the text is none. */
    private static InetAddress[] bounds(String text) {
        if (text.indexOf('/') >= 0) {
            Optional<IpPrefix> prefix = IpLiterals.prefix(text);
            if (prefix.isEmpty()) {
                return null;
            }
            BigInteger hostBits = IpLiterals.hostBits(prefix.get());
            BigInteger value = IpLiterals.toNumber(prefix.get().address());
            IpFamily family = prefix.get().family();
            return new InetAddress[] {IpLiterals.fromNumber(value.andNot(hostBits), family),
                    IpLiterals.fromNumber(value.or(hostBits), family)};
        }
        int dash = text.lastIndexOf('-');
        if (dash < 0) {
            return IpLiterals.parse(text).map(a -> new InetAddress[] {a, a}).orElse(null);
        }
        Optional<InetAddress> first = IpLiterals.parse(text.substring(0, dash));
        if (first.isEmpty()) {
            return null;
        }
        String end = text.substring(dash + 1);
        IpFamily family = IpFamily.of(first.get());
        Optional<InetAddress> last = IpLiterals.parse(end);
        if (last.isEmpty()) {
            // Only the last octet (IPv4, decimal) or group (IPv6, hex) is written.
            Long tail = Args.parseLong(end, family == IpFamily.INET ? 10 : 16);
            int tailBits = family == IpFamily.INET ? 8 : 16;
            if (tail == null || tail < 0 || tail >= (1L << tailBits)) {
                return null;
            }
            BigInteger value = IpLiterals.toNumber(first.get());
            BigInteger mask = BigInteger.ONE.shiftLeft(tailBits).subtract(BigInteger.ONE);
            last = Optional.of(IpLiterals.fromNumber(value.andNot(mask).or(BigInteger.valueOf(tail)), family));
        }
        if (IpFamily.of(last.get()) != family
                || IpLiterals.toNumber(last.get()).compareTo(IpLiterals.toNumber(first.get())) < 0) {
            return null;
        }
        return new InetAddress[] {first.get(), last.get()};
    }
}
