package org.jkeepalived.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.util.List;

import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

class NetlinkErrorTest {

    @Test
    void decodesTheKernelsCappedErrorWithItsExplanation() {
        List<NetlinkMessage> replies = KernelReplies.messages("error-exists");

        NetlinkError error = NetlinkError.decode(replies.get(0));

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).header().flags()).isEqualTo(0x100 | 0x200);
        assertThat(error.errno()).isEqualTo(17);
        assertThat(error.isAck()).isFalse();
        assertThat(error.request().type()).isEqualTo(20);
        assertThat(error.message()).isEqualTo("ipv4: Address already assigned");
    }

    @Test
    void decodesAnInvalidGatewayWithTheKernelsReason() {
        NetlinkError error = NetlinkError.decode(KernelReplies.messages("error-unreachable-gateway").get(0));

        assertThat(error.errno()).isEqualTo(22);
        assertThat(error.request().type()).isEqualTo(24);
        assertThat(error.message()).isEqualTo("Nexthop has invalid gateway");
    }

    @Test
    void findsTheAttributesAfterAnUncappedEchoOfTheRequest() {
        NetlinkMessage message = NetlinkFrameDecoder.decode(bytes()
                .u32(16 + 4 + 24 + 12 + 8).u16(2).u16(0x200).u32(9).u32(0)
                .u32(-19)
                // the request echoed in full: 16 bytes of header and 8 of payload
                .u32(24).u16(20).u16(5).u32(9).u32(0).u32(0).u32(0)
                .u16(11).u16(1).string("no dev").zeros(1)
                .u16(8).u16(2).u32(40)
                .buffer()).get(0);

        NetlinkError error = NetlinkError.decode(message);

        assertThat(error.errno()).isEqualTo(19);
        assertThat(error.message()).isEqualTo("no dev");
        assertThat(error.offset()).isEqualTo(40);
    }

    @Test
    void anAcknowledgementHasErrorZero() {
        NetlinkMessage message = NetlinkFrameDecoder.decode(bytes()
                .u32(36).u16(2).u16(0x100).u32(1).u32(0)
                .u32(0).u32(28).u16(20).u16(5).u32(1).u32(0)
                .buffer()).get(0);

        NetlinkError ack = NetlinkError.decode(message);

        assertThat(ack.isAck()).isTrue();
        assertThat(ack.message()).isNull();
        assertThat(ack.offset()).isEqualTo(-1);
    }

    @Test
    void aDoneMessageCarriesTheStatusOfTheDump() {
        NetlinkMessage done = NetlinkFrameDecoder.decode(bytes().u32(20).u16(3).u16(2).u32(1).u32(0).u32(-4).buffer()).get(0);
        NetlinkMessage bare = NetlinkFrameDecoder.decode(bytes().u32(16).u16(3).u16(2).u32(1).u32(0).buffer()).get(0);

        assertThat(NetlinkError.decodeDone(done).errno()).isEqualTo(4);
        assertThat(NetlinkError.decodeDone(bare).isAck()).isTrue();
    }

    @Test
    void rejectsTruncatedErrorsAndEchoesLongerThanTheMessage() {
        NetlinkMessage truncated = NetlinkFrameDecoder.decode(bytes().u32(24).u16(2).u16(0).u32(1).u32(0).u32(-1).u32(0).buffer()).get(0);
        NetlinkMessage overlong = NetlinkFrameDecoder.decode(bytes()
                .u32(36).u16(2).u16(0x200).u32(1).u32(0)
                .u32(-1).u32(500).u16(20).u16(5).u32(1).u32(0)
                .buffer()).get(0);

        assertThatThrownBy(() -> NetlinkError.decode(truncated)).isInstanceOf(NetlinkDecodeException.class);
        assertThatThrownBy(() -> NetlinkError.decode(overlong)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessageContaining("echoes a request of 500 bytes");
    }
}
