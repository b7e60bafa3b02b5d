package org.jkeepalived.ipvs.internal.kernel;

import static org.jkeepalived.ipvs.internal.kernel.IpvsNetlink.*;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.Counters;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.DestinationStatus;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.Scheduler;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceStatus;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.GenericNetlink;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkMessage;

/**
 * Decodes IPVS's answers: messages in, values out, no I/O. A reply that is malformed, or that holds
 * something this data plane's API cannot say (a scheduler or protocol it does not know, a netmask
 * that is not a prefix), is refused with a {@link NetlinkDecodeException} that says what and where.
 */
final class IpvsReplies {

    private IpvsReplies() {
    }

    /**
     * The answer to {@code IPVS_CMD_GET_INFO}.
     *
     * @param version the version of IPVS, {@code 0x010201} for 1.2.1
     * @param connectionTableSize the size of the connection hash table
     */
    record Info(int version, int connectionTableSize) {

        @Override
        public String toString() {
            return "IP Virtual Server " + (version >>> 16 & 0xff) + "." + (version >>> 8 & 0xff) + "." + (version & 0xff)
                    + ", connection table " + Integer.toUnsignedString(connectionTableSize);
        }
    }

    /** @return the version and connection table size of an {@code IPVS_CMD_SET_INFO} answer */
    static Info info(NetlinkMessage message) {
        Attributes attributes = attributesOf(message, CMD_SET_INFO);
        return new Info(required(attributes, INFO_ATTR_VERSION, 4, "the IPVS version").getInt(),
                required(attributes, INFO_ATTR_CONN_TAB_SIZE, 4, "the connection table size").getInt());
    }

    /** @return the service of an {@code IPVS_CMD_NEW_SERVICE} message of the service dump, with its counters */
    static ServiceStatus service(NetlinkMessage message) {
        Attributes service = attributesOf(message, CMD_NEW_SERVICE).nested(CMD_ATTR_SERVICE);
        AddressFamily family = family(service.u16(SVC_ATTR_AF, -1), "service");
        ServiceKey key = serviceKey(service, family);
        String schedulerName = service.string(SVC_ATTR_SCHED_NAME);
        Scheduler scheduler = Scheduler.byIpvsName(schedulerName == null ? "" : schedulerName).orElseThrow(() ->
                new NetlinkDecodeException("service " + key + " has scheduler '" + schedulerName + "', which jkeepalived does not know"));
        int flags = required(service, SVC_ATTR_FLAGS, 4, "the flags of service " + key).getInt();
        Set<SchedulerFlag> schedulerFlags = EnumSet.noneOf(SchedulerFlag.class);
        for (SchedulerFlag flag : SchedulerFlag.values()) {
            if ((flags & flag.bit()) != 0) {
                schedulerFlags.add(flag);
            }
        }
        Optional<Persistence> persistence = (flags & SVC_F_PERSISTENT) == 0 ? Optional.empty() : Optional.of(persistence(service, family, key));
        return new ServiceStatus(valid(() -> new VirtualService(key, scheduler, schedulerFlags, persistence, (flags & SVC_F_ONEPACKET) != 0),
                "service " + key), counters(service, SVC_ATTR_STATS64, SVC_ATTR_STATS));
    }

    /**
     * @param message an {@code IPVS_CMD_NEW_DEST} message of a destination dump
     * @param serviceFamily the family of the service, for kernels that do not say the destination's
     * @return the destination, with its connections and counters
     */
    static DestinationStatus destination(NetlinkMessage message, AddressFamily serviceFamily) {
        Attributes dest = attributesOf(message, CMD_NEW_DEST).nested(CMD_ATTR_DEST);
        AddressFamily family = dest.has(DEST_ATTR_ADDR_FAMILY) ? family(dest.u16(DEST_ATTR_ADDR_FAMILY, -1), "destination") : serviceFamily;
        DestinationKey key = new DestinationKey(address(dest, DEST_ATTR_ADDR, family, "destination"), port(dest, DEST_ATTR_PORT));
        Forwarding forwarding = forwarding(dest, key);
        Destination destination = valid(() -> new Destination(key, dest.u32(DEST_ATTR_WEIGHT, 0), forwarding,
                dest.u32(DEST_ATTR_U_THRESH, 0), dest.u32(DEST_ATTR_L_THRESH, 0)), "destination " + key);
        return new DestinationStatus(destination, dest.u32(DEST_ATTR_ACTIVE_CONNS, 0), dest.u32(DEST_ATTR_INACT_CONNS, 0),
                dest.u32(DEST_ATTR_PERSIST_CONNS, 0), counters(dest, DEST_ATTR_STATS64, DEST_ATTR_STATS));
    }

    /** @return the timeouts of an {@code IPVS_CMD_SET_CONFIG} answer to {@code IPVS_CMD_GET_CONFIG} */
    static Timeouts timeouts(NetlinkMessage message) {
        Attributes attributes = attributesOf(message, CMD_SET_CONFIG);
        return new Timeouts(timeout(attributes, CMD_ATTR_TIMEOUT_TCP, "tcp"), timeout(attributes, CMD_ATTR_TIMEOUT_TCP_FIN, "tcpfin"),
                timeout(attributes, CMD_ATTR_TIMEOUT_UDP, "udp"));
    }

    /** @return the daemon of an {@code IPVS_CMD_NEW_DAEMON} message of the daemon dump */
    static SyncDaemon daemon(NetlinkMessage message) {
        Attributes daemon = attributesOf(message, CMD_NEW_DAEMON).nested(CMD_ATTR_DAEMON);
        int state = daemon.u32(DAEMON_ATTR_STATE, 0);
        SyncDaemon.Role role = Arrays.stream(SyncDaemon.Role.values()).filter(candidate -> candidate.state() == state).findFirst()
                .orElseThrow(() -> new NetlinkDecodeException("sync daemon in state " + state + ", neither master (1) nor backup (2)"));
        String interfaceName = daemon.string(DAEMON_ATTR_MCAST_IFN);
        if (interfaceName == null) {
            throw new NetlinkDecodeException("sync daemon without an interface");
        }
        Optional<InetAddress> group = daemon.has(DAEMON_ATTR_MCAST_GROUP) ? Optional.of(daemon.address(DAEMON_ATTR_MCAST_GROUP, 4))
                : Optional.ofNullable(daemon.address(DAEMON_ATTR_MCAST_GROUP6, 16));
        return valid(() -> new SyncDaemon(role, interfaceName, daemon.u32(DAEMON_ATTR_SYNC_ID, 0), optionalU16(daemon, DAEMON_ATTR_SYNC_MAXLEN),
                group, optionalU16(daemon, DAEMON_ATTR_MCAST_PORT),
                daemon.has(DAEMON_ATTR_MCAST_TTL) ? OptionalInt.of(daemon.u8(DAEMON_ATTR_MCAST_TTL, 0)) : OptionalInt.empty()),
                "sync daemon on " + interfaceName);
    }

    /** A value the kernel gave that the API's checks refuse is a reply that cannot be decoded. */
    private static <T> T valid(Supplier<T> value, String what) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException(what + ": " + e.getMessage());
        }
    }

    private static Attributes attributesOf(NetlinkMessage message, int command) {
        int actual = GenericNetlink.command(message);
        if (actual != command) {
            throw new NetlinkDecodeException("IPVS answered with command " + actual + " where " + command + " was expected");
        }
        return GenericNetlink.attributes(message);
    }

    private static ServiceKey serviceKey(Attributes service, AddressFamily family) {
        int mark = service.u32(SVC_ATTR_FWMARK, 0);
        if (mark != 0) {
            return new ServiceKey.Fwmark(mark, family);
        }
        int number = service.u16(SVC_ATTR_PROTOCOL, -1);
        IpProtocol protocol = Arrays.stream(IpProtocol.values()).filter(candidate -> candidate.number() == number).findFirst()
                .orElseThrow(() -> new NetlinkDecodeException("service of IP protocol " + number + ", which jkeepalived does not know"));
        return new ServiceKey.Inet(protocol, address(service, SVC_ATTR_ADDR, family, "service"), port(service, SVC_ATTR_PORT));
    }

    private static Persistence persistence(Attributes service, AddressFamily family, ServiceKey key) {
        Duration timeout = Duration.ofSeconds(Integer.toUnsignedLong(service.u32(SVC_ATTR_TIMEOUT, 0)));
        int prefixLength = prefixLength(service, family, key);
        return valid(() -> new Persistence(timeout, prefixLength), "persistence of service " + key);
    }

    private static int prefixLength(Attributes service, AddressFamily family, ServiceKey key) {
        ByteBuffer netmask = required(service, SVC_ATTR_NETMASK, 4, "the netmask of persistent service " + key);
        if (family == AddressFamily.INET6) {
            int prefixLength = netmask.getInt();
            if (prefixLength < 0 || prefixLength > 128) {
                throw new NetlinkDecodeException("netmask of IPv6 service " + key + " is /" + prefixLength);
            }
            return prefixLength;
        }
        int mask = netmask.order(ByteOrder.BIG_ENDIAN).getInt();
        int prefixLength = Integer.bitCount(mask);
        if (mask != (prefixLength == 0 ? 0 : -1 << (32 - prefixLength))) {
            throw new NetlinkDecodeException("netmask " + Integer.toHexString(mask) + " of service " + key
                    + " is not a prefix, which persistence_granularity cannot say");
        }
        return prefixLength;
    }

    private static Forwarding forwarding(Attributes dest, DestinationKey key) {
        int method = dest.u32(DEST_ATTR_FWD_METHOD, -1) & 0x7;
        Forwarding.Method forwardingMethod = Arrays.stream(Forwarding.Method.values()).filter(candidate -> candidate.number() == method)
                .findFirst().orElseThrow(() -> new NetlinkDecodeException("destination " + key + " has forwarding method " + method
                        + ", neither masquerading (0), tunnelling (2) nor direct routing (3)"));
        if (forwardingMethod != Forwarding.Method.TUN) {
            return forwardingMethod == Forwarding.Method.NAT ? Forwarding.NAT : Forwarding.DR;
        }
        int type = dest.u8(DEST_ATTR_TUN_TYPE, 0);
        Forwarding.TunnelType tunnelType = Arrays.stream(Forwarding.TunnelType.values()).filter(candidate -> candidate.number() == type)
                .findFirst().orElseThrow(() -> new NetlinkDecodeException("destination " + key + " has tunnel type " + type));
        int bits = dest.u16(DEST_ATTR_TUN_FLAGS, 0);
        Forwarding.TunnelChecksum checksum = Arrays.stream(Forwarding.TunnelChecksum.values()).filter(candidate -> candidate.bits() == bits)
                .findFirst().orElseThrow(() -> new NetlinkDecodeException("destination " + key + " has tunnel flags " + bits));
        int port = dest.has(DEST_ATTR_TUN_PORT) ? port(dest, DEST_ATTR_TUN_PORT) : 0;
        return valid(() -> new Forwarding(Forwarding.Method.TUN, tunnelType, port, checksum), "tunnel of destination " + key);
    }

    /** The 64-bit counters where the kernel gives them (Linux 4.2 and later), else the 32-bit ones. */
    private static Counters counters(Attributes owner, int stats64, int stats) {
        if (owner.has(stats64)) {
            Attributes counters = owner.nested(stats64);
            return new Counters(counters.u64(STATS_ATTR_CONNS, 0), counters.u64(STATS_ATTR_INPKTS, 0), counters.u64(STATS_ATTR_OUTPKTS, 0),
                    counters.u64(STATS_ATTR_INBYTES, 0), counters.u64(STATS_ATTR_OUTBYTES, 0));
        }
        Attributes counters = owner.nested(stats);
        return new Counters(Integer.toUnsignedLong(counters.u32(STATS_ATTR_CONNS, 0)), Integer.toUnsignedLong(counters.u32(STATS_ATTR_INPKTS, 0)),
                Integer.toUnsignedLong(counters.u32(STATS_ATTR_OUTPKTS, 0)), counters.u64(STATS_ATTR_INBYTES, 0), counters.u64(STATS_ATTR_OUTBYTES, 0));
    }

    private static Duration timeout(Attributes attributes, int type, String name) {
        long seconds = Integer.toUnsignedLong(required(attributes, type, 4, "the " + name + " timeout").getInt());
        if (seconds == 0) {
            throw new NetlinkDecodeException("the " + name + " timeout is 0");
        }
        return Duration.ofSeconds(seconds);
    }

    private static AddressFamily family(int number, String what) {
        return Arrays.stream(AddressFamily.values()).filter(family -> family.number() == number).findFirst()
                .orElseThrow(() -> new NetlinkDecodeException(what + " of address family " + number + ", neither AF_INET nor AF_INET6"));
    }

    /** An address of {@code union nf_inet_addr}, of which IPv4 uses the first 4 bytes. */
    private static InetAddress address(Attributes attributes, int type, AddressFamily family, String what) {
        byte[] bytes = attributes.bytes(type);
        int length = family == AddressFamily.INET ? 4 : 16;
        if (bytes == null || bytes.length < length) {
            throw new NetlinkDecodeException(what + " address has " + (bytes == null ? "no" : bytes.length) + " bytes, " + family + " needs " + length);
        }
        try {
            // An IPv6 address stays one even where it maps an IPv4 address.
            return family == AddressFamily.INET ? InetAddress.getByAddress(Arrays.copyOf(bytes, length))
                    : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new NetlinkDecodeException(what + " address of " + length + " bytes: " + e.getMessage());
        }
    }

    /** A port in network byte order ({@code __be16}). */
    private static int port(Attributes attributes, int type) {
        ByteBuffer value = required(attributes, type, 2, "a port");
        return (Byte.toUnsignedInt(value.get()) << 8) | Byte.toUnsignedInt(value.get());
    }

    private static OptionalInt optionalU16(Attributes attributes, int type) {
        return attributes.has(type) ? OptionalInt.of(attributes.u16(type, 0)) : OptionalInt.empty();
    }

    /** The value of an attribute that must be there with at least {@code size} bytes. */
    private static ByteBuffer required(Attributes attributes, int type, int size, String what) {
        ByteBuffer value = attributes.value(type);
        if (value == null) {
            throw new NetlinkDecodeException("IPVS answered without " + what + " (attribute " + type + ")");
        }
        if (value.remaining() < size) {
            throw new NetlinkDecodeException(what + " (attribute " + type + ") has " + value.remaining() + " bytes, expected " + size);
        }
        return value;
    }
}
