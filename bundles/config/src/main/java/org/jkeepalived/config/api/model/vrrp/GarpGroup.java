package org.jkeepalived.config.api.model.vrrp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A garp_group: interfaces on one switch that cannot take a flood of announcements, whose gratuitous
 * ARPs and unsolicited neighbour advertisements are spaced across all of them, whichever instance
 * sends them. Interfaces in no group are each spaced by vrrp_garp_interval and vrrp_gna_interval.
 *
 * @param garpInterval garp_interval: the least time between two gratuitous ARPs of the group (default 0)
 * @param gnaInterval gna_interval: the least time between two unsolicited NAs of the group (default 0)
 * @param interfaces interface, or interfaces: the group's interfaces, at least one
 */
public record GarpGroup(Duration garpInterval, Duration gnaInterval, List<String> interfaces) {

    public GarpGroup {
        Objects.requireNonNull(garpInterval, "garpInterval");
        Objects.requireNonNull(gnaInterval, "gnaInterval");
        interfaces = List.copyOf(interfaces);
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("a garp_group needs an interface");
        }
    }
}
