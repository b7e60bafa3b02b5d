package org.jkeepalived.config.internal.bind;

import java.util.Map;
import java.util.Optional;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.config.api.model.net.IpPrefix;
import org.jkeepalived.config.api.model.net.IpRule;
import org.jkeepalived.config.api.model.net.PortRange;
import org.jkeepalived.config.api.model.net.RuleAction;

/**
 * A line of virtual_rules or static_rules, in the syntax of {@code ip rule add} (full option names
 * only), with keepalived's {@code no_track}.
 */
final class RuleParser {

    static final String USAGE = "[not] [from PREFIX] [to PREFIX] [iif IF] [oif IF] [fwmark MARK[/MASK]] "
            + "[preference N] [table TABLE|goto N|blackhole|unreachable|prohibit|nop] ... as 'ip rule add' takes it";

    private static final Map<String, RuleAction> ACTIONS = Map.of("blackhole", RuleAction.BLACKHOLE, "unreachable",
            RuleAction.UNREACHABLE, "prohibit", RuleAction.PROHIBIT, "nop", RuleAction.NOP);

    /** The IP protocols ip_proto knows by name. */
    private static final Map<String, Long> IP_PROTOCOLS = Map.of("icmp", 1L, "tcp", 6L, "udp", 17L, "ipv6-icmp", 58L,
            "icmpv6", 58L, "sctp", 132L, "TCP", 6L, "UDP", 17L, "SCTP", 132L);

    private static final class Draft {
        final Args args;
        boolean valid = true;
        IpPrefix from;
        IpPrefix to;
        boolean not;
        String iif;
        String oif;
        Integer tos;
        Long fwmark;
        Long fwmask;
        Long preference;
        RuleAction action;
        Integer table;
        Long gotoPreference;
        Integer realms;
        Integer suppressPrefixLength;
        Integer suppressIfGroup;
        PortRange uidRange;
        boolean l3mdev;
        Integer protocol;
        Integer ipProto;
        PortRange sport;
        PortRange dport;
        boolean noTrack;
        boolean inet6;

        Draft(Args args) {
            this.args = args;
        }
    }

    private RuleParser() {
    }

    static Optional<IpRule> parse(ConfigEntry entry, String list, BindContext context) {
        Draft rule = new Draft(Args.line(entry, list, USAGE, context));
        Args args = rule.args;
        int i = 0;
        while (i < args.size() && rule.valid) {
            i = option(rule, i, context);
        }
        if (!rule.valid) {
            return Optional.empty();
        }
        IpFamily family = rule.inet6 ? IpFamily.INET6 : IpFamily.INET;
        if (rule.from != null && rule.to != null && rule.from.family() != rule.to.family()) {
            args.error(0, "from " + rule.from + " and to " + rule.to + " are of different families");
            return Optional.empty();
        }
        IpPrefix selector = rule.from != null ? rule.from : rule.to;
        if (selector != null) {
            if (rule.inet6 && selector.family() != IpFamily.INET6) {
                args.error(0, "inet6 given for IPv4 addresses");
                return Optional.empty();
            }
            family = selector.family();
        }
        RuleAction action = rule.action != null ? rule.action
                : rule.gotoPreference != null ? RuleAction.GOTO : RuleAction.TABLE;
        if (action == RuleAction.TABLE && rule.table == null && !rule.l3mdev) {
            args.error(0, "no action; expected table TABLE, goto N, l3mdev, blackhole, unreachable, prohibit or nop");
            return Optional.empty();
        }
        if (rule.preference == null) {
            args.warning(0, "no preference given: rules without one change order as instances change state; give 'preference N'");
        }
        return Optional.of(new IpRule(family, Optional.ofNullable(rule.from), Optional.ofNullable(rule.to), rule.not,
                Optional.ofNullable(rule.iif), Optional.ofNullable(rule.oif), Optional.ofNullable(rule.tos),
                Optional.ofNullable(rule.fwmark), Optional.ofNullable(rule.fwmask), Optional.ofNullable(rule.preference),
                action, Optional.ofNullable(rule.table), Optional.ofNullable(rule.gotoPreference),
                Optional.ofNullable(rule.realms), Optional.ofNullable(rule.suppressPrefixLength),
                Optional.ofNullable(rule.suppressIfGroup), Optional.ofNullable(rule.uidRange), rule.l3mdev,
                Optional.ofNullable(rule.protocol), Optional.ofNullable(rule.ipProto), Optional.ofNullable(rule.sport),
                Optional.ofNullable(rule.dport), rule.noTrack));
    }

    private static int option(Draft rule, int i, BindContext context) {
        Args args = rule.args;
        String word = args.word(i);
        switch (word) {
            case "not" -> rule.not = true;
            case "l3mdev" -> rule.l3mdev = true;
            case "no_track" -> rule.noTrack = true;
            case "inet6" -> rule.inet6 = true;
            case "blackhole", "unreachable", "prohibit", "nop" -> rule.action = ACTIONS.get(word);
            case "track_group" -> {
                args.error(i, "'track_group' is not supported yet");
                rule.valid = false;
            }
            default -> {
                if (!args.require(i + 2)) {
                    rule.valid = false;
                    return args.size();
                }
                value(rule, word, i, context);
                return i + 2;
            }
        }
        return i + 1;
    }

    private static void value(Draft rule, String word, int i, BindContext context) {
        Args args = rule.args;
        int value = i + 1;
        String text = args.word(value);
        switch (word) {
            case "from" -> rule.from = text.equals("all") ? null : prefix(rule, value);
            case "to" -> rule.to = text.equals("all") ? null : prefix(rule, value);
            case "iif", "dev" -> rule.iif = text;
            case "oif" -> rule.oif = text;
            case "tos", "dsfield" -> rule.tos = toInt(number(rule, value, 255));
            case "fwmark" -> {
                int slash = text.indexOf('/');
                rule.fwmark = checked(rule, value, Args.parseNumber(slash < 0 ? text : text.substring(0, slash)));
                rule.fwmask = slash < 0 ? null : checked(rule, value, Args.parseNumber(text.substring(slash + 1)));
            }
            case "preference", "priority", "order", "pref" -> rule.preference = number(rule, value, 0xFFFF_FFFFL);
            case "table", "lookup" -> rule.table = toInt(named(rule, value, context.iprouteNames().table(text),
                    "a table number or a name from rt_tables"));
            case "goto" -> rule.gotoPreference = number(rule, value, 0xFFFF_FFFFL);
            case "realms" -> rule.realms = context.iprouteNames().realms(text).orElseGet(() -> {
                args.invalid(value, IprouteNames.REALMS_FORM);
                return invalid(rule);
            });
            case "suppress_prefixlength" -> rule.suppressPrefixLength = toInt(number(rule, value, 128));
            case "suppress_ifgroup" -> rule.suppressIfGroup = toInt(number(rule, value, 0x7FFF_FFFFL));
            case "uidrange" -> rule.uidRange = range(rule, value, 0xFFFF_FFFFL);
            case "protocol" -> rule.protocol = toInt(named(rule, value, context.iprouteNames().protocol(text),
                    "a protocol number or a name from rt_protos"));
            case "ip_proto" -> rule.ipProto = toInt(named(rule, value,
                    Optional.ofNullable(IP_PROTOCOLS.get(text)).or(() -> Optional.ofNullable(Args.parseNumber(text))),
                    "tcp, udp, sctp, icmp, ipv6-icmp or a protocol number"));
            case "sport" -> rule.sport = range(rule, value, 65535);
            case "dport" -> rule.dport = range(rule, value, 65535);
            case "type" -> rule.action = args.choice(value, ACTIONS).orElseGet(() -> invalid(rule));
            default -> {
                args.error(i, "unknown option '" + word + "'; expected " + USAGE);
                rule.valid = false;
            }
        }
    }

    private static IpPrefix prefix(Draft rule, int index) {
        return rule.args.prefix(index).orElseGet(() -> invalid(rule));
    }

    private static Long number(Draft rule, int index, long max) {
        return rule.args.number(index, 0, max).orElseGet(() -> invalid(rule));
    }

    private static Long checked(Draft rule, int index, Long number) {
        if (number == null || number < 0 || number > 0xFFFF_FFFFL) {
            rule.args.invalid(index, "MARK[/MASK], numbers up to 0xffffffff");
            return invalid(rule);
        }
        return number;
    }

    private static Long named(Draft rule, int index, Optional<Long> number, String expected) {
        if (number.isEmpty() || number.get() < 0 || number.get() > 0xFFFF_FFFFL) {
            rule.args.invalid(index, expected);
            return invalid(rule);
        }
        return number.get();
    }

    private static PortRange range(Draft rule, int index, long max) {
        String text = rule.args.word(index);
        int dash = text.indexOf('-', 1);
        Long first = Args.parseLong(dash < 0 ? text : text.substring(0, dash), 10);
        Long last = dash < 0 ? first : Args.parseLong(text.substring(dash + 1), 10);
        if (first == null || last == null || first < 0 || last > max || last < first) {
            rule.args.invalid(index, "N or N-M, up to " + max);
            return invalid(rule);
        }
        return new PortRange(first, last);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) (long) value;
    }

    private static <T> T invalid(Draft rule) {
        rule.valid = false;
        return null;
    }
}
