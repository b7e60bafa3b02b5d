package org.jkeepalived.ipvs.api;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connection synchronisation daemon of IPVS ({@code IPVS_CMD_NEW_DAEMON}, keepalived.conf's
 * lvs_sync_daemon): a master sends the connections of this director to the backups by multicast, so
 * that the backup that takes the virtual addresses over knows the connections in progress. A setting
 * left empty takes the kernel's default; the daemons the kernel lists have every setting.
 *
 * @param role master (sends) or backup (receives)
 * @param interfaceName the interface that carries the multicast (mcast_ifn)
 * @param syncId the sync id, 0 to 255, that master and backups share (keepalived's lvs_sync_daemon id)
 * @param maxLength the largest UDP payload of a sync message (sync_maxlen; the kernel's default 1472)
 * @param group the multicast group (the kernel's default 224.0.0.81)
 * @param port the UDP port (the kernel's default 8848)
 * @param ttl the multicast TTL (the kernel's default 1)
 */
public record SyncDaemon(Role role, String interfaceName, int syncId, OptionalInt maxLength,
        Optional<InetAddress> group, OptionalInt port, OptionalInt ttl) {

    /** The longest interface name IPVS takes ({@code IP_VS_IFNAME_MAXLEN} less the NUL). */
    private static final int MAX_INTERFACE_NAME = 15;

    /** Whether the daemon sends or receives ({@code IP_VS_STATE_MASTER}, {@code IP_VS_STATE_BACKUP}). */
    public enum Role {
        /** Sends this director's connections. */
        MASTER(1),
        /** Receives a master's connections. */
        BACKUP(2);

        private final int state;

        Role(int state) {
            this.state = state;
        }

        /** @return the value of {@code IPVS_DAEMON_ATTR_STATE} */
        public int state() {
            return state;
        }
    }

    public SyncDaemon {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(ttl, "ttl");
        if (interfaceName.isEmpty() || interfaceName.length() > MAX_INTERFACE_NAME) {
            throw new IllegalArgumentException("sync daemon interface '" + interfaceName + "' is not an interface name of 1 to "
                    + MAX_INTERFACE_NAME + " characters");
        }
        if (syncId < 0 || syncId > 255) {
            throw new IllegalArgumentException("sync id " + syncId + " is not between 0 and 255");
        }
        maxLength.ifPresent(length -> check(length, 1, 65535, "sync message length"));
        group.ifPresent(address -> {
            if (!address.isMulticastAddress()) {
                throw new IllegalArgumentException("sync group " + address.getHostAddress() + " is not a multicast address");
            }
        });
        port.ifPresent(number -> check(number, 1, 65535, "sync port"));
        ttl.ifPresent(hops -> check(hops, 1, 255, "sync TTL"));
    }

    /**
     * @param role master or backup
     * @param interfaceName the multicast interface
     * @param syncId the sync id
     * @return a daemon with the kernel's defaults for the rest
     */
    public static SyncDaemon of(Role role, String interfaceName, int syncId) {
        return new SyncDaemon(role, interfaceName, syncId, OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** @return this daemon with the largest sync message of {@code maxLength} bytes */
    public SyncDaemon withMaxLength(int maxLength) {
        return new SyncDaemon(role, interfaceName, syncId, OptionalInt.of(maxLength), group, port, ttl);
    }

    /** @return this daemon sending to, or receiving from, the multicast {@code group} */
    public SyncDaemon withGroup(InetAddress group) {
        return new SyncDaemon(role, interfaceName, syncId, maxLength, Optional.of(group), port, ttl);
    }

    /** @return this daemon on UDP {@code port} */
    public SyncDaemon withPort(int port) {
        return new SyncDaemon(role, interfaceName, syncId, maxLength, group, OptionalInt.of(port), ttl);
    }

    /** @return this daemon sending with {@code ttl} */
    public SyncDaemon withTtl(int ttl) {
        return new SyncDaemon(role, interfaceName, syncId, maxLength, group, port, OptionalInt.of(ttl));
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is not between " + min + " and " + max);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(role.name().toLowerCase(Locale.ROOT)).append(" on ").append(interfaceName)
                .append(" syncid ").append(syncId);
        maxLength.ifPresent(length -> text.append(" maxlen ").append(length));
        group.ifPresent(address -> text.append(" group ").append(address.getHostAddress()));
        port.ifPresent(number -> text.append(" port ").append(number));
        ttl.ifPresent(hops -> text.append(" ttl ").append(hops));
        return text.toString();
    }
}
