package org.jkeepalived.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.util.List;

import org.jkeepalived.netlink.testing.HostBytes;
import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

class GenericNetlinkTest {

    @Test
    void aFamilyRequestIsAControllerGetFamilyCommandWithTheName() {
        assertThat(HostBytes.of(GenericNetlink.getFamily("IPVS"))).isEqualTo(bytes()
                // nlmsghdr: type GENL_ID_CTRL (0x10), flags NLM_F_REQUEST | NLM_F_ACK
                .u32(32).u16(0x10).u16(0x05).u32(0).u32(0)
                // genlmsghdr: cmd CTRL_CMD_GETFAMILY (3), version 1, reserved
                .u8(3).u8(1).u16(0)
                // CTRL_ATTR_FAMILY_NAME (2)
                .u16(9).u16(2).string("IPVS").zeros(3)
                .array());
    }

    @Test
    void decodesTheKernelsDescriptionOfTheController() {
        List<NetlinkMessage> replies = KernelReplies.messages("family-nlctrl");

        GenericNetlinkFamily family = GenericNetlink.decodeFamily(replies.get(0));

        assertThat(family.id()).isEqualTo(0x10);
        assertThat(family.name()).isEqualTo("nlctrl");
        assertThat(family.version()).isEqualTo(2);
        assertThat(family.headerSize()).isZero();
        // nlctrl declares its policies per operation, so its family-wide highest attribute is 0
        assertThat(family.maxAttribute()).isZero();
        assertThat(family.multicastGroups()).containsEntry("notify", 0x10);
        assertThat(NetlinkError.decode(replies.get(1)).isAck()).isTrue();
    }

    @Test
    void aMessageThatIsNotAFamilyDescriptionIsRejected() {
        NetlinkMessage reply = NetlinkFrameDecoder.decode(bytes()
                .u32(20).u16(0x10).u16(0).u32(0).u32(0).u8(3).u8(1).u16(0).buffer()).get(0);
        NetlinkMessage nameless = NetlinkFrameDecoder.decode(bytes()
                .u32(28).u16(0x10).u16(0).u32(0).u32(0).u8(1).u8(1).u16(0).u16(6).u16(1).u16(20).zeros(2).buffer()).get(0);

        assertThatThrownBy(() -> GenericNetlink.decodeFamily(reply)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> GenericNetlink.decodeFamily(nameless)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessageContaining("without an id or a name");
    }
}
