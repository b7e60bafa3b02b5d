package org.jkeepalived.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.net.InetAddress;

import org.jkeepalived.netlink.testing.HostBytes;
import org.junit.jupiter.api.Test;

class NetlinkMessageBuilderTest {

    @Test
    void writesHeaderFamilyHeaderAndPaddedAttributes() throws Exception {
        byte[] message = HostBytes.of(new NetlinkMessageBuilder(20, 0x0605)
                .putU8(2).putU8(24).putU8(0).putU8(0).putU32(7)
                .attributeString(3, "eth0:1")
                .attributeU8(9, 5)
                .attributeU16(10, 0x1234)
                .attributeU32(11, 0xdeadbeef)
                .attributeU64(12, 0x0102030405060708L)
                .attributeAddress(2, InetAddress.getByName("192.0.2.10"))
                .build());

        assertThat(message).isEqualTo(bytes()
                // nlmsghdr: len, type, flags, seq, pid
                .u32(80).u16(20).u16(0x0605).u32(0).u32(0)
                // a 8-byte family header
                .u8(2).u8(24).u8(0).u8(0).u32(7)
                // nlattr: len 4 + 7, type 3, "eth0:1\0", 1 byte of padding
                .u16(11).u16(3).string("eth0:1").zeros(1)
                .u16(5).u16(9).u8(5).zeros(3)
                .u16(6).u16(10).u16(0x1234).zeros(2)
                .u16(8).u16(11).u32(0xdeadbeef)
                .u16(12).u16(12).u64(0x0102030405060708L)
                .u16(8).u16(2).ip("192.0.2.10")
                .array());
    }

    @Test
    void nestedAttributesCountTheirPaddedChildren() {
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(16, 0x0001).putU32(0);
        int outer = builder.beginNested(18);
        builder.attributeString(1, "macvlan");
        int inner = builder.beginNested(2);
        builder.attributeU32(1, 1);
        builder.endNested(inner).endNested(outer);

        assertThat(HostBytes.of(builder.build())).isEqualTo(bytes()
                .u32(48).u16(16).u16(1).u32(0).u32(0)
                .u32(0)
                // outer: 4 + 12 ("macvlan\0" attribute) + 12 (inner nest)
                .u16(28).u16(18)
                .u16(12).u16(1).string("macvlan")
                .u16(12).u16(2)
                .u16(8).u16(1).u32(1)
                .array());
    }

    @Test
    void growsBeyondItsFirstBuffer() {
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(16, 1);
        byte[] large = new byte[1000];
        large[999] = 7;
        builder.attribute(1, large);

        byte[] message = HostBytes.of(builder.build());

        assertThat(message).hasSize(16 + 4 + 1000);
        assertThat(message[16 + 4 + 999]).isEqualTo((byte) 7);
    }
}
