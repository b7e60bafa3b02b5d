package org.jkeepalived.config.api.model.vrrp;

import java.util.Objects;

/**
 * The nftables table that keeps packets to the virtual addresses of no_accept instances from this
 * host while they are master (RFC 5798 section 6.1, Accept_Mode False).
 *
 * @param table nftables TABLENAME: the inet table jkeepalived owns, replaced whole at start (default keepalived)
 * @param priority nftables_priority: the input chain's priority (default -1, before the usual filter chains)
 * @param counters nftables_counters: whether the rules count what they drop
 */
public record Nftables(String table, int priority, boolean counters) {

    /** keepalived's defaults. */
    public static final Nftables DEFAULT = new Nftables("keepalived", -1, false);

    public Nftables {
        Objects.requireNonNull(table, "table");
    }
}
