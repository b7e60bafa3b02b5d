package org.jkeepalived.netlink.internal.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jkeepalived.netlink.api.Link;
import org.jkeepalived.netlink.api.MacAddress;
import org.jkeepalived.netlink.api.MacvlanMode;
import org.jkeepalived.netlink.api.OperState;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.testing.HostBytes;
import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

/** {@code struct ifinfomsg}: u8 family, u8 pad, u16 type, s32 index, u32 flags, u32 change. */
class LinkCodecTest {

    @Test
    void aDumpRequestAsksForEveryLink() {
        assertThat(HostBytes.of(LinkCodec.dump())).isEqualTo(bytes()
                // RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP
                .u32(32).u16(18).u16(0x301).u32(0).u32(0)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                .array());
    }

    @Test
    void aLinkIsAskedForByName() {
        assertThat(HostBytes.of(LinkCodec.get("eth0"))).isEqualTo(bytes()
                .u32(44).u16(18).u16(0x005).u32(0).u32(0)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                // IFLA_IFNAME
                .u16(9).u16(3).string("eth0").zeros(3)
                .array());
    }

    @Test
    void settingUpChangesOnlyTheUpFlag() {
        assertThat(HostBytes.of(LinkCodec.setUp("eth0", true))).isEqualTo(bytes()
                // RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK
                .u32(44).u16(16).u16(0x005).u32(0).u32(0)
                // ifi_flags IFF_UP, ifi_change IFF_UP
                .u8(0).u8(0).u16(0).u32(0).u32(1).u32(1)
                .u16(9).u16(3).string("eth0").zeros(3)
                .array());
        assertThat(HostBytes.of(LinkCodec.setUp("eth0", false))).isEqualTo(bytes()
                .u32(44).u16(16).u16(0x005).u32(0).u32(0)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(1)
                .u16(9).u16(3).string("eth0").zeros(3)
                .array());
    }

    @Test
    void aMacvlanIsCreatedUpWithItsParentMacAndMode() {
        assertThat(HostBytes.of(LinkCodec.newMacvlan("vrrp.7", 3, MacAddress.vrrpIpv4(7), MacvlanMode.PRIVATE))).isEqualTo(bytes()
                // RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
                .u32(92).u16(16).u16(0x605).u32(0).u32(0)
                .u8(0).u8(0).u16(0).u32(0).u32(1).u32(1)
                // IFLA_IFNAME
                .u16(11).u16(3).string("vrrp.7").zeros(1)
                // IFLA_LINK
                .u16(8).u16(5).u32(3)
                // IFLA_ADDRESS
                .u16(10).u16(1).u8(0).u8(0).u8(0x5e).u8(0).u8(1).u8(7).zeros(2)
                // IFLA_LINKINFO { IFLA_INFO_KIND "macvlan", IFLA_INFO_DATA { IFLA_MACVLAN_MODE MACVLAN_MODE_PRIVATE } }
                .u16(28).u16(18)
                .u16(12).u16(1).string("macvlan")
                .u16(12).u16(2)
                .u16(8).u16(1).u32(1)
                .array());
    }

    @Test
    void aLinkIsDeletedByName() {
        assertThat(HostBytes.of(LinkCodec.delete("vrrp.7"))).isEqualTo(bytes()
                // RTM_DELLINK
                .u32(44).u16(17).u16(0x005).u32(0).u32(0)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                .u16(11).u16(3).string("vrrp.7").zeros(1)
                .array());
    }

    @Test
    void decodesTheLinksTheKernelDumped() {
        Map<String, Link> links = KernelReplies.messages("links").stream()
                .filter(message -> message.type() == RtnetlinkProtocol.RTM_NEWLINK)
                .map(LinkCodec::decode)
                .collect(Collectors.toMap(Link::name, Function.identity()));

        assertThat(links).containsOnlyKeys("lo", "veth0", "veth1", "br0", "vm1");
        Link lo = links.get("lo");
        assertThat(lo.index()).isEqualTo(1);
        assertThat(lo.type()).isEqualTo(772);
        assertThat(lo.isLoopback()).isTrue();
        assertThat(lo.mtu()).isEqualTo(65536);
        Link veth0 = links.get("veth0");
        assertThat(veth0.kind()).isEqualTo("veth");
        assertThat(veth0.mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(veth0.mtu()).isEqualTo(1400);
        assertThat(veth0.operState()).isEqualTo(OperState.UP);
        assertThat(veth0.isUp()).isTrue();
        assertThat(veth0.parentIndex()).isEqualTo(links.get("veth1").index());
        assertThat(links.get("veth1").masterIndex()).isEqualTo(links.get("br0").index());
        assertThat(links.get("br0").kind()).isEqualTo("bridge");
        Link vm1 = links.get("vm1");
        assertThat(vm1.kind()).isEqualTo("macvlan");
        assertThat(vm1.macvlanMode()).isEqualTo(MacvlanMode.PRIVATE);
        assertThat(vm1.mac()).isEqualTo(MacAddress.vrrpIpv4(7));
        assertThat(vm1.parentIndex()).isEqualTo(veth0.index());
        assertThat(vm1.isAdminUp()).isFalse();
        assertThat(vm1.isUp()).isFalse();
    }

    @Test
    void aBridgePortMessageIsNotALink() {
        NetlinkMessage bridgePort = NetlinkFrameDecoder.decode(bytes().u32(44).u16(16).u16(0).u32(0).u32(0)
                .u8(7).u8(0).u16(1).u32(2).u32(0).u32(0)
                .u16(9).u16(3).string("eth0").zeros(3).buffer()).get(0);

        assertThat(LinkCodec.decode(bridgePort)).isNull();
    }

    @Test
    void aLinkWithoutANameIsRejected() {
        NetlinkMessage nameless = NetlinkFrameDecoder.decode(bytes().u32(32).u16(16).u16(0).u32(0).u32(0)
                .u8(0).u8(0).u16(1).u32(2).u32(0).u32(0).buffer()).get(0);

        assertThatThrownBy(() -> LinkCodec.decode(nameless))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("without a name");
    }
}
