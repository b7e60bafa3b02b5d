package org.jkeepalived.lvs.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.ipvs.api.AddressFamily;
import org.jkeepalived.ipvs.api.IpProtocol;
import org.jkeepalived.ipvs.api.ServiceKey;

/**
 * The data-plane services of a virtual_server: its address and port, its firewall mark, or every
 * address and mark of its virtual_server_group, as keepalived sets them in IPVS.
 */
final class ServiceKeys {

    /** keepalived refuses larger ranges; so does this, rather than fill the table by mistake. */
    private static final int MAX_RANGE = 256;

    private ServiceKeys() {
    }

    /**
     * @param server a virtual_server
     * @param groups the virtual_server_groups, by name
     * @return its services, in the order written
     * @throws IllegalArgumentException naming the virtual server, if its group is missing or a range too large
     */
    static List<ServiceKey> of(VirtualServer server, Map<String, VirtualServerGroup> groups) {
        VirtualServerAddress address = server.address();
        if (address instanceof VirtualServerAddress.Ip ip) {
            return List.of(new ServiceKey.Inet(protocol(server), ip.address(), ip.port()));
        }
        if (address instanceof VirtualServerAddress.Fwmark mark) {
            return List.of(new ServiceKey.Fwmark((int) mark.mark(), family(server.ipFamily(), server)));
        }
        String name = ((VirtualServerAddress.Group) address).name();
        VirtualServerGroup group = groups.get(name);
        if (group == null) {
            throw new IllegalArgumentException("virtual_server group " + name + ": no virtual_server_group " + name);
        }
        List<ServiceKey> keys = new ArrayList<>();
        for (VirtualServerGroup.Entry entry : group.entries()) {
            if (entry instanceof VirtualServerGroup.AddressRange range) {
                for (InetAddress member : addresses(range, name)) {
                    keys.add(new ServiceKey.Inet(protocol(server), member, range.port()));
                }
            } else {
                VirtualServerGroup.Fwmark mark = (VirtualServerGroup.Fwmark) entry;
                keys.add(new ServiceKey.Fwmark((int) mark.mark(), family(mark.family().or(server::ipFamily), server)));
            }
        }
        return keys;
    }

    private static IpProtocol protocol(VirtualServer server) {
        return IpProtocol.valueOf(server.protocol().orElse(Protocol.TCP).name());
    }

    /** A firewall mark service's family: ip_family, else that of its first real server, else IPv4. */
    private static AddressFamily family(Optional<IpFamily> configured, VirtualServer server) {
        if (configured.isPresent()) {
            return configured.get() == IpFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET;
        }
        return server.realServers().stream().findFirst().map(real -> AddressFamily.of(real.address())).orElse(AddressFamily.INET);
    }

    private static List<InetAddress> addresses(VirtualServerGroup.AddressRange range, String group) {
        BigInteger first = new BigInteger(1, range.first().getAddress());
        BigInteger last = new BigInteger(1, range.last().getAddress());
        BigInteger span = last.subtract(first);
        if (span.signum() < 0 || span.compareTo(BigInteger.valueOf(MAX_RANGE - 1L)) > 0) {
            throw new IllegalArgumentException("virtual_server_group " + group + ": range " + range
                    + " must run upwards over 1 to " + MAX_RANGE + " addresses");
        }
        int count = span.intValue() + 1;
        int length = range.first().getAddress().length;
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] raw = first.add(BigInteger.valueOf(i)).toByteArray();
            byte[] bytes = new byte[length];
            System.arraycopy(raw, Math.max(0, raw.length - length), bytes, Math.max(0, length - raw.length), Math.min(length, raw.length));
            try {
                addresses.add(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 or 16 bytes make an address", e);
            }
        }
        return addresses;
    }
}
