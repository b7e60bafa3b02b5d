package org.jkeepalived.config.api.model.net;

import java.util.Optional;

/**
 * A routing rule of virtual_rules or static_rules, in {@code ip rule add} syntax.
 *
 * @param family the family: that of from/to, or inet6 if given, else inet
 * @param from from: the source prefix
 * @param to to: the destination prefix
 * @param not not: the rule matches what the selectors do not
 * @param inputInterface iif (or its old name dev)
 * @param outputInterface oif
 * @param tos tos (or dsfield)
 * @param fwmark fwmark MARK
 * @param fwmask the /MASK of fwmark, if given
 * @param preference preference (or priority, order); keepalived picks one when absent
 * @param action what the rule does
 * @param table table (or lookup), names already looked up
 * @param gotoPreference goto: the preference to go on with
 * @param realms realms, as the kernel packs them: {@code (from << 16) | to}
 * @param suppressPrefixLength suppress_prefixlength
 * @param suppressIfGroup suppress_ifgroup
 * @param uidRange uidrange
 * @param l3mdev l3mdev: look up in the table of the VRF device
 * @param protocol protocol
 * @param ipProto ip_proto: the IP protocol number
 * @param sourcePorts sport
 * @param destinationPorts dport
 * @param noTrack no_track: the instance does not leave MASTER if the rule is removed
 */
public record IpRule(
        IpFamily family,
        Optional<IpPrefix> from,
        Optional<IpPrefix> to,
        boolean not,
        Optional<String> inputInterface,
        Optional<String> outputInterface,
        Optional<Integer> tos,
        Optional<Long> fwmark,
        Optional<Long> fwmask,
        Optional<Long> preference,
        RuleAction action,
        Optional<Integer> table,
        Optional<Long> gotoPreference,
        Optional<Integer> realms,
        Optional<Integer> suppressPrefixLength,
        Optional<Integer> suppressIfGroup,
        Optional<PortRange> uidRange,
        boolean l3mdev,
        Optional<Integer> protocol,
        Optional<Integer> ipProto,
        Optional<PortRange> sourcePorts,
        Optional<PortRange> destinationPorts,
        boolean noTrack) {

    @Override
    public String toString() {
        return (not ? "not " : "") + from.map(f -> "from " + f + " ").orElse("") + to.map(t -> "to " + t + " ").orElse("")
                + table.map(t -> "table " + t).orElse(action.name().toLowerCase(java.util.Locale.ROOT));
    }
}
