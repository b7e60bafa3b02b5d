package org.jkeepalived.config.internal.bind;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.net.AddressScope;
import org.jkeepalived.config.api.model.net.IpAddressEntry;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;

/**
 * A line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress: an address and the
 * options of {@code ip address add} that keepalived.conf(5) lists.
 */
final class AddressParser {

    static final String USAGE = "IP[/PREFIX] [brd IP|+|-] [dev IF] [scope SCOPE] [label LABEL] [peer IP[/PREFIX]] "
            + "[home] [-nodad] [mngtmpaddr] [noprefixroute] [autojoin] [no_track] [use_vmac] [preferred_lft N|forever]";

    private static final Map<String, IpAddressEntry.Flag> FLAGS = Map.of("home", IpAddressEntry.Flag.HOME, "-nodad",
            IpAddressEntry.Flag.NODAD, "mngtmpaddr", IpAddressEntry.Flag.MNGTMPADDR, "noprefixroute",
            IpAddressEntry.Flag.NOPREFIXROUTE, "autojoin", IpAddressEntry.Flag.AUTOJOIN);

    private AddressParser() {
    }

    /**
     * @param entry the line
     * @param list the block's keyword, for messages
     * @param isStatic whether it is a static_ipaddress line, where use_vmac does not apply
     * @return the address, or empty if the line has an error (reported)
     */
    static Optional<IpAddressEntry> parse(ConfigEntry entry, String list, boolean isStatic, BindContext context) {
        Args args = Args.line(entry, list, USAGE, context);
        Optional<IpPrefix> address = args.prefix(0);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        IpPrefix prefix = address.get();
        boolean ipv6 = prefix.family() == IpFamily.INET6;
        InetAddress broadcast = null;
        String device = null;
        AddressScope scope = AddressScope.GLOBAL;
        String label = null;
        IpPrefix peer = null;
        Set<IpAddressEntry.Flag> flags = EnumSet.noneOf(IpAddressEntry.Flag.class);
        boolean noTrack = false;
        boolean useVmac = false;
        long preferredLifetime = ipv6 && prefix.length() == 128 ? 0 : IpAddressEntry.FOREVER;
        boolean valid = true;
        for (int i = 1; i < args.size(); i++) {
            String option = args.word(i);
            if (FLAGS.containsKey(option)) {
                flags.add(FLAGS.get(option));
                continue;
            }
            switch (option) {
                case "no_track" -> noTrack = true;
                case "use_vmac" -> {
                    if (isStatic) {
                        args.error(i, "use_vmac applies to the addresses of a vrrp_instance only");
                        valid = false;
                    }
                    useVmac = true;
                }
                case "track_group" -> {
                    args.error(i, "'track_group' is not supported yet");
                    valid = false;
                    i++;
                }
                case "brd", "broadcast", "dev", "scope", "label", "peer", "preferred_lft" -> {
                    if (!args.require(i + 2)) {
                        return Optional.empty();
                    }
                    i++;
                    switch (option) {
                        case "dev" -> device = args.word(i);
                        case "label" -> label = args.word(i);
                        case "scope" -> {
                            Optional<AddressScope> read = Scopes.read(args, i);
                            valid &= read.isPresent();
                            scope = read.orElse(scope);
                        }
                        case "peer" -> {
                            Optional<IpPrefix> read = args.prefix(i);
                            valid &= read.isPresent() && sameFamily(args, i, read.get().family(), prefix.family());
                            peer = read.orElse(null);
                        }
                        case "preferred_lft" -> {
                            if (args.word(i).equals("forever")) {
                                preferredLifetime = IpAddressEntry.FOREVER;
                            } else {
                                Optional<Long> seconds = args.integer(i, 0, IpAddressEntry.FOREVER - 1);
                                valid &= seconds.isPresent();
                                preferredLifetime = seconds.orElse(preferredLifetime);
                            }
                        }
                        default -> {
                            if (ipv6) {
                                args.error(i - 1, "brd applies to IPv4 addresses only");
                                valid = false;
                            } else {
                                broadcast = broadcast(args, i, prefix);
                                valid &= broadcast != null;
                            }
                        }
                    }
                }
                default -> {
                    args.error(i, "unknown option '" + option + "'; expected " + USAGE);
                    valid = false;
                }
            }
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new IpAddressEntry(prefix, Optional.ofNullable(broadcast), Optional.ofNullable(device), scope,
                Optional.ofNullable(label), Optional.ofNullable(peer), flags, noTrack, useVmac, preferredLifetime));
    }

    /** {@code brd IP}, or {@code +} and {@code -} for the address with its host bits set or cleared. */
    private static InetAddress broadcast(Args args, int index, IpPrefix prefix) {
        String word = args.word(index);
        if (word.equals("+") || word.equals("-")) {
            BigInteger value = IpLiterals.toNumber(prefix.address());
            BigInteger hostBits = IpLiterals.hostBits(prefix);
            return IpLiterals.fromNumber(word.equals("+") ? value.or(hostBits) : value.andNot(hostBits), IpFamily.INET);
        }
        Optional<InetAddress> address = args.address(index);
        if (address.isPresent() && !IpLiterals.isIpv4(address.get())) {
            args.invalid(index, "an IPv4 address, + or -");
            return null;
        }
        return address.orElse(null);
    }

    static boolean sameFamily(Args args, int index, IpFamily found, IpFamily expected) {
        if (found != expected) {
            args.error(index, "'" + args.word(index) + "' is not of the family of the address (" + expected.name().toLowerCase(java.util.Locale.ROOT) + ")");
            return false;
        }
        return true;
    }
}
