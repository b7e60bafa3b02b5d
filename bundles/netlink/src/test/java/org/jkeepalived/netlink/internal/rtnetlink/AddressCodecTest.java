package org.jkeepalived.netlink.internal.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.netlink.api.AddressFlag;
import org.jkeepalived.netlink.api.AddressSpec;
import org.jkeepalived.netlink.api.Scope;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.testing.HostBytes;
import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

/** {@code struct ifaddrmsg}: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index. */
class AddressCodecTest {

    @Test
    void aDumpRequestAsksForEveryFamily() {
        assertThat(HostBytes.of(AddressCodec.dump())).isEqualTo(bytes()
                // RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP
                .u32(24).u16(22).u16(0x301).u32(0).u32(0)
                .u8(0).u8(0).u8(0).u8(0).u32(0)
                .array());
    }

    @Test
    void aVirtualAddressWithALabel() throws Exception {
        AddressSpec vip = AddressSpec.of("eth0", InetAddress.getByName("192.0.2.10"), 32).withLabel("eth0:1");

        assertThat(HostBytes.of(AddressCodec.add(vip, 7))).isEqualTo(bytes()
                // RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
                .u32(52).u16(20).u16(0x605).u32(0).u32(0)
                // AF_INET, /32, no flags, RT_SCOPE_UNIVERSE, index 7
                .u8(2).u8(32).u8(0).u8(0).u32(7)
                // IFA_LOCAL, IFA_ADDRESS
                .u16(8).u16(2).ip("192.0.2.10")
                .u16(8).u16(1).ip("192.0.2.10")
                // IFA_LABEL
                .u16(11).u16(3).string("eth0:1").zeros(1)
                .array());
        assertThat(HostBytes.of(AddressCodec.delete(vip, 7))).isEqualTo(bytes()
                // RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK
                .u32(52).u16(21).u16(0x005).u32(0).u32(0)
                .u8(2).u8(32).u8(0).u8(0).u32(7)
                .u16(8).u16(2).ip("192.0.2.10")
                .u16(8).u16(1).ip("192.0.2.10")
                .u16(11).u16(3).string("eth0:1").zeros(1)
                .array());
    }

    @Test
    void aPointToPointAddressWithBroadcastAndScope() throws Exception {
        AddressSpec spec = AddressSpec.of("eth0", InetAddress.getByName("10.9.0.1"), 24)
                .withPeer(InetAddress.getByName("10.9.0.2"))
                .withBroadcast(InetAddress.getByName("10.9.0.255"))
                .withScope(Scope.LINK);

        assertThat(HostBytes.of(AddressCodec.add(spec, 3))).isEqualTo(bytes()
                .u32(48).u16(20).u16(0x605).u32(0).u32(0)
                // RT_SCOPE_LINK
                .u8(2).u8(24).u8(0).u8(253).u32(3)
                .u16(8).u16(2).ip("10.9.0.1")
                // the peer goes in IFA_ADDRESS
                .u16(8).u16(1).ip("10.9.0.2")
                // IFA_BROADCAST
                .u16(8).u16(4).ip("10.9.0.255")
                .array());
    }

    @Test
    void anIpv6AddressWithExtendedFlagsAndAPreferredLifetime() throws Exception {
        AddressSpec spec = AddressSpec.of("eth0", InetAddress.getByName("2001:db8::10"), 64)
                .withFlags(Set.of(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE))
                .withPreferredLifetime(0);

        assertThat(HostBytes.of(AddressCodec.add(spec, 3))).isEqualTo(bytes()
                .u32(92).u16(20).u16(0x605).u32(0).u32(0)
                // AF_INET6, /64, IFA_F_NODAD in the u8 flags
                .u8(10).u8(64).u8(0x02).u8(0).u32(3)
                .u16(20).u16(2).ip("2001:db8::10")
                .u16(20).u16(1).ip("2001:db8::10")
                // IFA_FLAGS: IFA_F_NODAD | IFA_F_NOPREFIXROUTE, beyond 8 bits
                .u16(8).u16(8).u32(0x202)
                // IFA_CACHEINFO: preferred 0, valid forever, stamps 0
                .u16(20).u16(6).u32(0).u32(-1).u32(0).u32(0)
                .array());
    }

    @Test
    void decodesTheAddressesTheKernelDumped() throws Exception {
        List<Address> addresses = KernelReplies.messages("addresses").stream()
                .filter(message -> message.type() == RtnetlinkProtocol.RTM_NEWADDR)
                .map(AddressCodec::decode)
                .toList();

        Address labelled = find(addresses, "192.0.2.1");
        assertThat(labelled.prefixLength()).isEqualTo(24);
        assertThat(labelled.broadcast()).isEqualTo(InetAddress.getByName("192.0.2.255"));
        assertThat(labelled.label()).isEqualTo("veth0:1");
        assertThat(labelled.scope()).isEqualTo(Scope.GLOBAL);
        assertThat(labelled.interfaceIndex()).isEqualTo(3);
        assertThat(labelled.preferredLifetime()).isEqualTo(Address.FOREVER);
        Address pointToPoint = find(addresses, "10.9.0.1");
        assertThat(pointToPoint.peer()).isEqualTo(InetAddress.getByName("10.9.0.2"));
        assertThat(pointToPoint.prefixLength()).isEqualTo(32);
        assertThat(pointToPoint.scope()).isEqualTo(Scope.LINK);
        Address ipv6 = find(addresses, "2001:db8::1");
        assertThat(ipv6.prefixLength()).isEqualTo(64);
        assertThat(ipv6.flags()).contains(AddressFlag.NODAD, AddressFlag.PERMANENT).doesNotContain(AddressFlag.TENTATIVE);
        assertThat(ipv6.peer()).isNull();
        Address deprecated = find(addresses, "2001:db8::2");
        assertThat(deprecated.preferredLifetime()).isZero();
        assertThat(deprecated.validLifetime()).isEqualTo(Address.FOREVER);
        assertThat(deprecated.flags()).contains(AddressFlag.DEPRECATED);
        assertThat(find(addresses, "fe80::ff:fe00:1").isTentative()).isTrue();
        assertThat(find(addresses, "127.0.0.1").scope()).isEqualTo(Scope.HOST);
    }

    @Test
    void rejectsAPrefixTooLongAndAMessageWithoutAddress() {
        NetlinkMessage tooLong = NetlinkFrameDecoder.decode(bytes().u32(32).u16(20).u16(0).u32(0).u32(0)
                .u8(2).u8(33).u8(0).u8(0).u32(1).u16(8).u16(2).ip("192.0.2.1").buffer()).get(0);
        NetlinkMessage empty = NetlinkFrameDecoder.decode(bytes().u32(24).u16(20).u16(0).u32(0).u32(0)
                .u8(2).u8(24).u8(0).u8(0).u32(1).buffer()).get(0);
        NetlinkMessage shortCacheInfo = NetlinkFrameDecoder.decode(bytes().u32(40).u16(20).u16(0).u32(0).u32(0)
                .u8(2).u8(24).u8(0).u8(0).u32(1).u16(8).u16(2).ip("192.0.2.1").u16(8).u16(6).u32(0).buffer()).get(0);

        assertThatThrownBy(() -> AddressCodec.decode(tooLong)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> AddressCodec.decode(empty)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> AddressCodec.decode(shortCacheInfo)).isInstanceOf(NetlinkDecodeException.class);
    }

    private static Address find(List<Address> addresses, String address) throws Exception {
        InetAddress wanted = InetAddress.getByName(address);
        return addresses.stream().filter(a -> a.address().equals(wanted)).findFirst().orElseThrow();
    }
}
