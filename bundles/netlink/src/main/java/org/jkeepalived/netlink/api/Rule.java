package org.jkeepalived.netlink.api;

import java.util.Locale;

/**
 * A policy routing rule, as a {@code virtual_rules} line describes it and as the kernel reports it
 * ({@code struct fib_rule_hdr} and its {@code FRA_} attributes): {@code [not] [from PREFIX] [to PREFIX]
 * [tos T] [fwmark M[/MASK]] [iif IF] [oif IF] [uidrange A-B] [ipproto P] [sport A-B] [dport A-B] [l3mdev]
 * [priority P] [table T | goto P | nop | blackhole | unreachable | prohibit] [suppress_prefixlength N]
 * [suppress_ifgroup G] [realms R] [protocol P]}. Rules name interfaces rather than index them, so one
 * record serves both. Build one with {@link #builder(IpFamily)}.
 *
 * <p>Deleting a rule deletes the first one that matches every part given; give the priority, as
 * keepalived.conf(5) advises, so that it is the intended one.
 *
 * @param family the family
 * @param from the source prefix, or {@code null} for all
 * @param to the destination prefix, or {@code null} for all
 * @param priority the priority ({@code preference}), or {@code null} to let the kernel choose
 * @param fwmark the firewall mark to match, or {@code null}
 * @param fwmask the mask of the mark, or {@code null} for all bits
 * @param iif the incoming interface to match, or {@code null}
 * @param oif the outgoing interface to match, or {@code null}
 * @param tos the type of service to match, 0 for any
 * @param action what the rule does
 * @param table the table of a {@link RuleAction#TO_TABLE} rule, else 0
 * @param gotoTarget the priority a {@link RuleAction#GOTO} rule continues at, or {@code null}
 * @param suppressPrefixLength routes with a prefix this long or shorter are ignored, or {@code null}
 * @param suppressIfGroup routes through interfaces of this group are ignored, or {@code null}
 * @param realms the realms ({@code FRA_FLOW}), or {@code null}
 * @param uidRange the user ids to match, or {@code null}
 * @param ipProtocol the IP protocol to match, or {@code null}
 * @param sourcePorts the source ports to match, or {@code null}
 * @param destinationPorts the destination ports to match, or {@code null}
 * @param l3mdev whether to look up the table of the L3 master device (VRF) of the interface
 * @param protocol who installed the rule, or {@code null}
 * @param invert whether the rule matches what the selectors do not ({@code not})
 */
public record Rule(IpFamily family, IpPrefix from, IpPrefix to, Integer priority, Integer fwmark, Integer fwmask,
        String iif, String oif, int tos, RuleAction action, int table, Integer gotoTarget,
        Integer suppressPrefixLength, Integer suppressIfGroup, Integer realms, UidRange uidRange,
        Integer ipProtocol, PortRange sourcePorts, PortRange destinationPorts, boolean l3mdev,
        RouteProtocol protocol, boolean invert) {

    /**
     * A range of user ids.
     *
     * @param start the first
     * @param end the last
     */
    public record UidRange(int start, int end) {

        @Override
        public String toString() {
            return Integer.toUnsignedString(start) + "-" + Integer.toUnsignedString(end);
        }
    }

    /**
     * A range of ports.
     *
     * @param start the first, 0 to 65535
     * @param end the last
     */
    public record PortRange(int start, int end) {

        /** Checks the range. */
        public PortRange {
            if (start < 0 || end > 0xffff || start > end) {
                throw new IllegalArgumentException("not a port range: " + start + "-" + end);
            }
        }

        @Override
        public String toString() {
            return start == end ? Integer.toString(start) : start + "-" + end;
        }
    }

    /** Checks the parts against each other. */
    public Rule {
        if (family == null || action == null) {
            throw new IllegalArgumentException("a rule needs a family and an action");
        }
        if (from != null && from.family() != family || to != null && to.family() != family) {
            throw new IllegalArgumentException("rule prefixes must be of family " + family);
        }
        if (action == RuleAction.TO_TABLE && table == 0 && !l3mdev) {
            throw new IllegalArgumentException("a lookup rule needs a table, or l3mdev");
        }
        if (action == RuleAction.GOTO && gotoTarget == null) {
            throw new IllegalArgumentException("a goto rule needs a target priority");
        }
    }

    /**
     * @param family the family
     * @return a builder of a rule of that family
     */
    public static Builder builder(IpFamily family) {
        return new Builder(family);
    }

    /** @return the rule as {@code ip rule add} takes it */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(family == IpFamily.IPV6 ? "-6" : "-4");
        append(text, "not", invert);
        text.append(" from ").append(from == null ? "all" : from);
        if (to != null) {
            text.append(" to ").append(to);
        }
        if (tos != 0) {
            text.append(" tos ").append(tos);
        }
        if (fwmark != null) {
            text.append(" fwmark 0x").append(Integer.toHexString(fwmark));
            if (fwmask != null) {
                text.append("/0x").append(Integer.toHexString(fwmask));
            }
        }
        append(text, "iif", iif);
        append(text, "oif", oif);
        append(text, "uidrange", uidRange);
        append(text, "ipproto", ipProtocol);
        append(text, "sport", sourcePorts);
        append(text, "dport", destinationPorts);
        append(text, "l3mdev", l3mdev);
        if (priority != null) {
            text.append(" priority ").append(Integer.toUnsignedString(priority));
        }
        switch (action) {
            case TO_TABLE:
                if (table != 0) {
                    text.append(" lookup ").append(Integer.toUnsignedString(table));
                }
                break;
            case GOTO: text.append(" goto ").append(Integer.toUnsignedString(gotoTarget)); break;
            default: text.append(' ').append(action.name().toLowerCase(Locale.ROOT)); break;
        }
        append(text, "suppress_prefixlength", suppressPrefixLength);
        append(text, "suppress_ifgroup", suppressIfGroup);
        append(text, "realms", realms);
        append(text, "protocol", protocol);
        return text.toString();
    }

    private static void append(StringBuilder text, String keyword, Object value) {
        if (value != null) {
            text.append(' ').append(keyword).append(' ').append(value);
        }
    }

    private static void append(StringBuilder text, String keyword, boolean set) {
        if (set) {
            text.append(' ').append(keyword);
        }
    }

    /** Builds a {@link Rule}; a rule is a {@link RuleAction#TO_TABLE} rule unless told otherwise. */
    public static final class Builder {

        private final IpFamily family;
        private IpPrefix from;
        private IpPrefix to;
        private Integer priority;
        private Integer fwmark;
        private Integer fwmask;
        private String iif;
        private String oif;
        private int tos;
        private RuleAction action = RuleAction.TO_TABLE;
        private int table;
        private Integer gotoTarget;
        private Integer suppressPrefixLength;
        private Integer suppressIfGroup;
        private Integer realms;
        private UidRange uidRange;
        private Integer ipProtocol;
        private PortRange sourcePorts;
        private PortRange destinationPorts;
        private boolean l3mdev;
        private RouteProtocol protocol;
        private boolean invert;

        private Builder(IpFamily family) {
            this.family = family;
        }

        /** @param prefix the source prefix
         *  @return this builder */
        public Builder from(IpPrefix prefix) {
            this.from = prefix;
            return this;
        }

        /** @param prefix the destination prefix
         *  @return this builder */
        public Builder to(IpPrefix prefix) {
            this.to = prefix;
            return this;
        }

        /** @param value the priority
         *  @return this builder */
        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        /** @param mark the firewall mark
         *  @return this builder */
        public Builder fwmark(int mark) {
            this.fwmark = mark;
            return this;
        }

        /** @param mark the firewall mark
         *  @param mask its mask
         *  @return this builder */
        public Builder fwmark(int mark, int mask) {
            this.fwmark = mark;
            this.fwmask = mask;
            return this;
        }

        /** @param name the incoming interface
         *  @return this builder */
        public Builder iif(String name) {
            this.iif = name;
            return this;
        }

        /** @param name the outgoing interface
         *  @return this builder */
        public Builder oif(String name) {
            this.oif = name;
            return this;
        }

        /** @param value the type of service
         *  @return this builder */
        public Builder tos(int value) {
            this.tos = value;
            return this;
        }

        /** @param id the table to look up
         *  @return this builder */
        public Builder table(int id) {
            this.action = RuleAction.TO_TABLE;
            this.table = id;
            return this;
        }

        /** @param targetPriority the priority of the rule to continue at
         *  @return this builder */
        public Builder goTo(int targetPriority) {
            this.action = RuleAction.GOTO;
            this.gotoTarget = targetPriority;
            return this;
        }

        /** @param value an action that needs no argument: nop, blackhole, unreachable, prohibit
         *  @return this builder */
        public Builder action(RuleAction value) {
            this.action = value;
            return this;
        }

        /** @param length the longest prefix length to ignore
         *  @return this builder */
        public Builder suppressPrefixLength(int length) {
            this.suppressPrefixLength = length;
            return this;
        }

        /** @param group the interface group whose routes to ignore
         *  @return this builder */
        public Builder suppressIfGroup(int group) {
            this.suppressIfGroup = group;
            return this;
        }

        /** @param value the realms
         *  @return this builder */
        public Builder realms(int value) {
            this.realms = value;
            return this;
        }

        /** @param value the user ids
         *  @return this builder */
        public Builder uidRange(UidRange value) {
            this.uidRange = value;
            return this;
        }

        /** @param value the IP protocol number
         *  @return this builder */
        public Builder ipProtocol(int value) {
            this.ipProtocol = value;
            return this;
        }

        /** @param value the source ports
         *  @return this builder */
        public Builder sourcePorts(PortRange value) {
            this.sourcePorts = value;
            return this;
        }

        /** @param value the destination ports
         *  @return this builder */
        public Builder destinationPorts(PortRange value) {
            this.destinationPorts = value;
            return this;
        }

        /** @return this builder, looking up the L3 master device's table */
        public Builder l3mdev() {
            this.l3mdev = true;
            return this;
        }

        /** @param value who installs the rule
         *  @return this builder */
        public Builder protocol(RouteProtocol value) {
            this.protocol = value;
            return this;
        }

        /** @return this builder, matching what the selectors do not */
        public Builder invert() {
            this.invert = true;
            return this;
        }

        /** @return the rule */
        public Rule build() {
            return new Rule(family, from, to, priority, fwmark, fwmask, iif, oif, tos, action, table, gotoTarget,
                    suppressPrefixLength, suppressIfGroup, realms, uidRange, ipProtocol, sourcePorts, destinationPorts,
                    l3mdev, protocol, invert);
        }
    }
}
