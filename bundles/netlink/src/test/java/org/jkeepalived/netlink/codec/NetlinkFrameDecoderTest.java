package org.jkeepalived.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.util.List;

import org.jkeepalived.netlink.testing.HostBytes;
import org.junit.jupiter.api.Test;

class NetlinkFrameDecoderTest {

    @Test
    void splitsADatagramAtAlignedBoundaries() {
        List<NetlinkMessage> messages = NetlinkFrameDecoder.decode(bytes()
                // 17 bytes of message, 3 of padding
                .u32(17).u16(16).u16(2).u32(7).u32(0).u8(0xaa).zeros(3)
                .u32(20).u16(3).u16(2).u32(7).u32(0).u32(0)
                .buffer());

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).header()).isEqualTo(new NetlinkHeader(17, 16, 2, 7, 0));
        assertThat(HostBytes.of(messages.get(0).payload())).containsExactly(0xaa);
        assertThat(messages.get(1).header().isDone()).isTrue();
        assertThat(messages.get(1).payload().remaining()).isEqualTo(4);
    }

    @Test
    void thePayloadCannotBeChangedThroughTheMessage() {
        NetlinkMessage message = NetlinkFrameDecoder.decode(bytes().u32(20).u16(16).u16(0).u32(0).u32(0).u32(5).buffer()).get(0);

        message.payload().position(4);

        assertThat(message.payload().remaining()).isEqualTo(4);
        assertThat(message.payload().isReadOnly()).isTrue();
    }

    @Test
    void rejectsTruncatedHeadersAndLengthsThatDoNotFit() {
        assertThatThrownBy(() -> NetlinkFrameDecoder.decode(bytes().u32(16).u16(3).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("needs 16 bytes");
        assertThatThrownBy(() -> NetlinkFrameDecoder.decode(bytes().u32(8).u16(3).u16(0).u32(0).u32(0).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("declares length 8");
        assertThatThrownBy(() -> NetlinkFrameDecoder.decode(bytes().u32(-1).u16(3).u16(0).u32(0).u32(0).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("declares length 4294967295");
        assertThatThrownBy(() -> NetlinkFrameDecoder.decode(bytes().u32(24).u16(3).u16(0).u32(0).u32(0).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("16 bytes left");
    }
}
