package org.jkeepalived.netlink.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.IpPrefix;
import org.jkeepalived.netlink.api.RouteSpec;
import org.jkeepalived.netlink.codec.GenericNetlink;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkHeader;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.internal.rtnetlink.AddressCodec;
import org.jkeepalived.netlink.internal.rtnetlink.LinkCodec;
import org.jkeepalived.netlink.internal.rtnetlink.RouteCodec;
import org.jkeepalived.netlink.internal.rtnetlink.RuleCodec;
import org.jkeepalived.testing.netns.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Captures the kernel's replies that the decoding tests read, from a namespace set up with the
 * commands written at the top of each file. Run with {@code -Dnetlink.capture=true} to capture again
 * after the set-up changes; the decoding tests then need their expectations checked.
 */
@EnabledIfSystemProperty(named = "netlink.capture", matches = "true")
class KernelReplyCapture {

    private static final Path DIRECTORY = Path.of("src/test/resources/org/jkeepalived/netlink/kernel");

    private static final String[][] SETUP = {
        {"ip", "link", "add", "veth0", "address", "02:00:00:00:00:01", "mtu", "1400", "type", "veth",
            "peer", "name", "veth1", "address", "02:00:00:00:00:02"},
        {"ip", "link", "add", "br0", "type", "bridge"},
        {"ip", "link", "set", "veth1", "master", "br0"},
        {"ip", "link", "add", "vm1", "link", "veth0", "address", "00:00:5e:00:01:07", "type", "macvlan", "mode", "private"},
        {"ip", "link", "set", "veth0", "up"},
        {"ip", "link", "set", "veth1", "up"},
        {"ip", "link", "set", "br0", "up"},
        {"ip", "addr", "add", "192.0.2.1/24", "brd", "192.0.2.255", "dev", "veth0", "label", "veth0:1"},
        {"ip", "addr", "add", "10.9.0.1", "peer", "10.9.0.2/32", "dev", "veth0", "scope", "link"},
        {"ip", "addr", "add", "2001:db8::1/64", "dev", "veth0", "nodad"},
        {"ip", "addr", "add", "2001:db8::2/128", "dev", "veth0", "nodad", "preferred_lft", "0"},
        {"ip", "route", "add", "198.51.100.0/24", "via", "192.0.2.254", "dev", "veth0", "table", "100", "metric", "7",
            "proto", "static", "mtu", "lock", "1300"},
        {"ip", "route", "add", "blackhole", "203.0.113.0/26"},
        {"ip", "route", "add", "unreachable", "203.0.113.64/26", "table", "1000"},
        {"ip", "route", "add", "prohibit", "203.0.113.192/26", "metric", "5"},
        {"ip", "route", "add", "203.0.113.128/26", "src", "192.0.2.1", "nexthop", "via", "192.0.2.253", "weight", "1",
            "nexthop", "via", "192.0.2.252", "dev", "veth0", "weight", "3"},
        {"ip", "route", "add", "2001:db8:1::/48", "via", "2001:db8::fe", "dev", "veth0", "onlink"},
        {"ip", "rule", "add", "from", "192.0.2.0/24", "to", "198.51.100.0/24", "fwmark", "0x10/0xff", "iif", "veth0",
            "oif", "veth1", "priority", "100", "table", "100"},
        {"ip", "rule", "add", "priority", "50", "from", "192.0.2.128/25", "goto", "100"},
        {"ip", "rule", "add", "priority", "200", "fwmark", "7", "table", "1000"},
        {"ip", "rule", "add", "priority", "300", "not", "to", "203.0.113.0/24", "blackhole"},
        {"ip", "rule", "add", "priority", "400", "ipproto", "tcp", "sport", "1000-2000", "dport", "80",
            "uidrange", "100-200", "table", "100", "suppress_prefixlength", "0"},
        {"ip", "-6", "rule", "add", "priority", "500", "from", "2001:db8::/32", "table", "100"},
    };

    @Test
    void capture() throws Exception {
        try (NetworkNamespace namespace = NetworkNamespace.create()) {
            for (String[] command : SETUP) {
                namespace.execOrFail(command);
            }
            namespace.call(() -> {
                try (NetlinkChannel route = new NetlinkChannel(NetlinkSocket.NETLINK_ROUTE, 0, 0);
                     NetlinkChannel generic = new NetlinkChannel(NetlinkSocket.NETLINK_GENERIC, 0, 0)) {
                    int veth0 = LinuxLibc.if_nametoindex("veth0");
                    write("links", exchange(route, LinkCodec.dump()));
                    write("addresses", exchange(route, AddressCodec.dump()));
                    write("routes", exchange(route, RouteCodec.dump()));
                    write("rules", exchange(route, RuleCodec.dump()));
                    write("family-nlctrl", exchange(generic, GenericNetlink.getFamily("nlctrl")));
                    write("error-exists", exchange(route, AddressCodec.add(
                            AddressSpec.of("veth0", IpPrefix.parse("192.0.2.1").address(), 24), veth0)));
                    write("error-unreachable-gateway", exchange(route, RouteCodec.add(
                            RouteSpec.to(IpPrefix.parse("198.18.0.0/15")).via(IpPrefix.parse("192.168.77.1").address())
                                    .device("veth0").build(), name -> veth0)));
                }
                return null;
            });
        }
    }

    /** Sends a request and keeps every datagram until the acknowledgement, error or end of dump. */
    private static List<ByteBuffer> exchange(NetlinkChannel channel, ByteBuffer request) {
        channel.send(request);
        List<ByteBuffer> datagrams = new ArrayList<>();
        while (true) {
            ByteBuffer datagram = channel.receive(true);
            datagrams.add(datagram);
            for (NetlinkMessage message : NetlinkFrameDecoder.decode(datagram)) {
                if (message.header().isDone() || message.type() == NetlinkHeader.NLMSG_ERROR) {
                    return datagrams;
                }
            }
        }
    }

    private static void write(String name, List<ByteBuffer> datagrams) throws IOException {
        StringBuilder text = new StringBuilder("# Captured by KernelReplyCapture in a namespace set up with:\n");
        for (String[] command : SETUP) {
            text.append("#   ").append(String.join(" ", command)).append('\n');
        }
        for (ByteBuffer datagram : datagrams) {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.duplicate().get(bytes);
            text.append(HexFormat.of().formatHex(bytes)).append('\n');
        }
        Files.writeString(DIRECTORY.resolve(name + ".hex"), text, StandardCharsets.US_ASCII);
    }
}
