package org.jkeepalived.ipvs.internal.kernel;

import static org.jkeepalived.ipvs.internal.kernel.IpvsNetlink.*;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.Destination;
import org.jkeepalived.ipvs.api.DestinationKey;
import org.jkeepalived.ipvs.api.Forwarding;
import org.jkeepalived.ipvs.api.Persistence;
import org.jkeepalived.ipvs.api.SchedulerFlag;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.SyncDaemon;
import org.jkeepalived.ipvs.api.Timeouts;
import org.jkeepalived.ipvs.api.VirtualService;
import org.jkeepalived.netlink.codec.Attributes;
import org.jkeepalived.netlink.codec.GenericNetlink;
import org.jkeepalived.netlink.codec.NetlinkHeader;
import org.jkeepalived.netlink.codec.NetlinkMessageBuilder;

/**
 * Encodes the requests of IPVS's generic netlink interface: values in, messages out, no I/O. The
 * messages are those ipvsadm sends for the same operation, attribute for attribute: a service named
 * in a destination command, or deleted, carries an empty scheduler and the default netmask as
 * ipvsadm's do, and the kernel reads its key only. Sequence numbers and ports stay 0 for the socket.
 */
final class IpvsRequests {

    private static final int REQUEST = NetlinkHeader.NLM_F_REQUEST | NetlinkHeader.NLM_F_ACK;
    private static final int DUMP = REQUEST | NetlinkHeader.NLM_F_DUMP;
    /** {@code struct ip_vs_flags}'s mask: every flag is the one given. */
    private static final int ALL_FLAGS = 0xffffffff;
    /** What ipvsadm gives a real server named by its address alone: direct routing, weight 1. */
    private static final int UNNAMED_FORWARDING = Forwarding.Method.DR.number();
    private static final int UNNAMED_WEIGHT = 1;

    private final int familyId;

    /** @param familyId the id the generic netlink controller gave the IPVS family */
    IpvsRequests(int familyId) {
        this.familyId = familyId;
    }

    /** @return {@code IPVS_CMD_GET_INFO}: the version and the size of the connection table */
    ByteBuffer getInfo() {
        return start(CMD_GET_INFO, REQUEST).build();
    }

    /** @return {@code IPVS_CMD_NEW_SERVICE} of {@code service} */
    ByteBuffer newService(VirtualService service) {
        return serviceCommand(CMD_NEW_SERVICE, service);
    }

    /** @return {@code IPVS_CMD_SET_SERVICE}: {@code service}'s attributes replace those of the service of its key */
    ByteBuffer setService(VirtualService service) {
        return serviceCommand(CMD_SET_SERVICE, service);
    }

    /** @return {@code IPVS_CMD_DEL_SERVICE} of the service of {@code key} */
    ByteBuffer deleteService(ServiceKey key) {
        NetlinkMessageBuilder message = start(CMD_DEL_SERVICE, REQUEST);
        putServiceReference(message, key);
        return message.build();
    }

    /**
     * @return {@code IPVS_CMD_GET_SERVICE} of one service, which the kernel answers with it or
     *         {@code ESRCH}; ipvsadm asks with a service that is all zeros but its key
     */
    ByteBuffer getService(ServiceKey key) {
        NetlinkMessageBuilder message = start(CMD_GET_SERVICE, REQUEST);
        putService(message, key, "", 0, 0, 0);
        return message.build();
    }

    /** @return the {@code IPVS_CMD_GET_SERVICE} dump of every service */
    ByteBuffer getServices() {
        return start(CMD_GET_SERVICE, DUMP).build();
    }

    /** @return {@code IPVS_CMD_NEW_DEST}: {@code destination} added to the service of {@code service} */
    ByteBuffer newDestination(ServiceKey service, Destination destination) {
        return destinationCommand(CMD_NEW_DEST, service, destination);
    }

    /** @return {@code IPVS_CMD_SET_DEST}: {@code destination}'s attributes replace those of the destination of its key */
    ByteBuffer setDestination(ServiceKey service, Destination destination) {
        return destinationCommand(CMD_SET_DEST, service, destination);
    }

    /** @return {@code IPVS_CMD_DEL_DEST} of the destination of {@code destination} */
    ByteBuffer deleteDestination(ServiceKey service, DestinationKey destination) {
        NetlinkMessageBuilder message = start(CMD_DEL_DEST, REQUEST);
        putServiceReference(message, service);
        putDestination(message, destination, UNNAMED_FORWARDING, UNNAMED_WEIGHT, Forwarding.DR, 0, 0);
        return message.build();
    }

    /** @return the {@code IPVS_CMD_GET_DEST} dump of the destinations of {@code service} */
    ByteBuffer getDestinations(ServiceKey service) {
        NetlinkMessageBuilder message = start(CMD_GET_DEST, DUMP);
        int nest = message.beginNested(CMD_ATTR_SERVICE | Attributes.NLA_F_NESTED);
        putServiceKey(message, service);
        return message.endNested(nest).build();
    }

    /** @return {@code IPVS_CMD_FLUSH}: every service removed */
    ByteBuffer flush() {
        return start(CMD_FLUSH, REQUEST).build();
    }

    /** @return {@code IPVS_CMD_SET_CONFIG} of the connection timeouts, in seconds */
    ByteBuffer setConfig(Timeouts timeouts) {
        return start(CMD_SET_CONFIG, REQUEST)
                .attributeU32(CMD_ATTR_TIMEOUT_TCP, seconds(timeouts.tcp().getSeconds()))
                .attributeU32(CMD_ATTR_TIMEOUT_TCP_FIN, seconds(timeouts.tcpFin().getSeconds()))
                .attributeU32(CMD_ATTR_TIMEOUT_UDP, seconds(timeouts.udp().getSeconds()))
                .build();
    }

    /** @return {@code IPVS_CMD_GET_CONFIG}: the connection timeouts */
    ByteBuffer getConfig() {
        return start(CMD_GET_CONFIG, REQUEST).build();
    }

    /** @return {@code IPVS_CMD_NEW_DAEMON} of {@code daemon}, with the settings it gives */
    ByteBuffer newDaemon(SyncDaemon daemon) {
        NetlinkMessageBuilder message = start(CMD_NEW_DAEMON, REQUEST);
        int nest = message.beginNested(CMD_ATTR_DAEMON | Attributes.NLA_F_NESTED);
        message.attributeU32(DAEMON_ATTR_STATE, daemon.role().state())
                .attributeString(DAEMON_ATTR_MCAST_IFN, daemon.interfaceName())
                .attributeU32(DAEMON_ATTR_SYNC_ID, daemon.syncId());
        daemon.maxLength().ifPresent(length -> message.attributeU16(DAEMON_ATTR_SYNC_MAXLEN, length));
        daemon.port().ifPresent(port -> message.attributeU16(DAEMON_ATTR_MCAST_PORT, port));
        daemon.ttl().ifPresent(ttl -> message.attributeU8(DAEMON_ATTR_MCAST_TTL, ttl));
        daemon.group().ifPresent(group -> message.attributeAddress(
                AddressFamily.of(group) == AddressFamily.INET ? DAEMON_ATTR_MCAST_GROUP : DAEMON_ATTR_MCAST_GROUP6, group));
        return message.endNested(nest).build();
    }

    /** @return {@code IPVS_CMD_DEL_DAEMON} of the daemon of {@code role} */
    ByteBuffer deleteDaemon(SyncDaemon.Role role) {
        NetlinkMessageBuilder message = start(CMD_DEL_DAEMON, REQUEST);
        int nest = message.beginNested(CMD_ATTR_DAEMON | Attributes.NLA_F_NESTED);
        message.attributeU32(DAEMON_ATTR_STATE, role.state())
                .attributeString(DAEMON_ATTR_MCAST_IFN, "")
                .attributeU32(DAEMON_ATTR_SYNC_ID, 0);
        return message.endNested(nest).build();
    }

    /** @return the {@code IPVS_CMD_GET_DAEMON} dump of the sync daemons */
    ByteBuffer getDaemons() {
        return start(CMD_GET_DAEMON, DUMP).build();
    }

    private NetlinkMessageBuilder start(int command, int flags) {
        return GenericNetlink.request(familyId, flags, command, VERSION);
    }

    private ByteBuffer serviceCommand(int command, VirtualService service) {
        int flags = 0;
        for (SchedulerFlag flag : service.flags()) {
            flags |= flag.bit();
        }
        if (service.onePacket()) {
            flags |= SVC_F_ONEPACKET;
        }
        AddressFamily family = service.key().family();
        Persistence persistence = service.persistence().orElse(null);
        int timeout = 0;
        int prefixLength = family.bits();
        if (persistence != null) {
            flags |= SVC_F_PERSISTENT;
            timeout = seconds(persistence.timeout().getSeconds());
            prefixLength = persistence.prefixLength();
        }
        NetlinkMessageBuilder message = start(command, REQUEST);
        putService(message, service.key(), service.scheduler().ipvsName(), flags, timeout, prefixLength);
        return message.build();
    }

    private ByteBuffer destinationCommand(int command, ServiceKey service, Destination destination) {
        NetlinkMessageBuilder message = start(command, REQUEST);
        putServiceReference(message, service);
        Forwarding forwarding = destination.forwarding();
        putDestination(message, destination.key(), forwarding.method().number(), destination.weight(), forwarding,
                destination.upperThreshold(), destination.lowerThreshold());
        return message.build();
    }

    /** A service named by its key, as ipvsadm names it in the commands that only look it up. */
    private static void putServiceReference(NetlinkMessageBuilder message, ServiceKey key) {
        putService(message, key, "", 0, 0, key.family().bits());
    }

    private static void putService(NetlinkMessageBuilder message, ServiceKey key, String scheduler, int flags, int timeout,
            int prefixLength) {
        int nest = message.beginNested(CMD_ATTR_SERVICE | Attributes.NLA_F_NESTED);
        putServiceKey(message, key);
        message.attributeString(SVC_ATTR_SCHED_NAME, scheduler)
                .attribute(SVC_ATTR_FLAGS, flags(flags))
                .attributeU32(SVC_ATTR_TIMEOUT, timeout)
                .attribute(SVC_ATTR_NETMASK, netmask(key.family(), prefixLength))
                .endNested(nest);
    }

    private static void putServiceKey(NetlinkMessageBuilder message, ServiceKey key) {
        message.attributeU16(SVC_ATTR_AF, key.family().number());
        if (key instanceof ServiceKey.Fwmark marked) {
            message.attributeU32(SVC_ATTR_FWMARK, marked.mark());
        } else {
            ServiceKey.Inet inet = (ServiceKey.Inet) key;
            message.attributeU16(SVC_ATTR_PROTOCOL, inet.protocol().number())
                    .attribute(SVC_ATTR_ADDR, address(inet.address()))
                    .attribute(SVC_ATTR_PORT, networkOrder(inet.port()));
        }
    }

    private static void putDestination(NetlinkMessageBuilder message, DestinationKey key, int method, int weight,
            Forwarding forwarding, int upperThreshold, int lowerThreshold) {
        int nest = message.beginNested(CMD_ATTR_DEST | Attributes.NLA_F_NESTED);
        message.attributeU16(DEST_ATTR_ADDR_FAMILY, AddressFamily.of(key.address()).number())
                .attribute(DEST_ATTR_ADDR, address(key.address()))
                .attribute(DEST_ATTR_PORT, networkOrder(key.port()))
                .attributeU32(DEST_ATTR_FWD_METHOD, method)
                .attributeU32(DEST_ATTR_WEIGHT, weight)
                .attributeU8(DEST_ATTR_TUN_TYPE, forwarding.tunnelType().number())
                .attribute(DEST_ATTR_TUN_PORT, networkOrder(forwarding.tunnelPort()))
                .attributeU16(DEST_ATTR_TUN_FLAGS, forwarding.tunnelChecksum().bits())
                .attributeU32(DEST_ATTR_U_THRESH, upperThreshold)
                .attributeU32(DEST_ATTR_L_THRESH, lowerThreshold)
                .endNested(nest);
    }

    /** {@code struct ip_vs_flags}: the flags, and the mask of those they set. */
    private static byte[] flags(int flags) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags).putInt(ALL_FLAGS).array();
    }

    /**
     * The persistence netmask: for IPv4 the mask itself in network byte order; for IPv6 the prefix
     * length as a number, which is how the kernel reads an IPv6 service's netmask.
     */
    private static byte[] netmask(AddressFamily family, int prefixLength) {
        if (family == AddressFamily.INET6) {
            return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(prefixLength).array();
        }
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(mask).array();
    }

    /** An address as {@code union nf_inet_addr}: 16 bytes, an IPv4 address in the first 4. */
    private static byte[] address(InetAddress address) {
        byte[] padded = new byte[ADDRESS_LENGTH];
        byte[] bytes = address.getAddress();
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    /** A port, as IPVS keeps them: {@code __be16}. */
    private static byte[] networkOrder(int port) {
        return new byte[] {(byte) (port >>> 8), (byte) port};
    }

    /** Seconds as {@code __u32}; the API's values are whole seconds below 2^32. */
    private static int seconds(long seconds) {
        if (seconds < 0 || seconds > 0xffffffffL) {
            throw new IllegalArgumentException(seconds + " s does not fit IPVS's 32-bit seconds");
        }
        return (int) seconds;
    }
}
