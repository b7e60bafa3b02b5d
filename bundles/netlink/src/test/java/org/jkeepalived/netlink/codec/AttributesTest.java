package org.jkeepalived.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.netlink.testing.HostBytes.bytes;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void readsTypedValuesNestedAttributesAndIgnoresTypeFlags() throws Exception {
        Attributes attributes = Attributes.decode(bytes()
                .u16(5).u16(1).u8(200).zeros(3)
                .u16(6).u16(2).u16(65000).zeros(2)
                .u16(8).u16(3).u32(-2)
                .u16(12).u16(4).u64(-3L)
                .u16(9).u16(5).string("eth0").zeros(3)
                .u16(20).u16(6).ip("2001:db8::1")
                // NLA_F_NESTED set on the type, as newer kernels do
                .u16(12).u16(7 | 0x8000)
                .u16(8).u16(1).u32(42)
                .buffer());

        assertThat(attributes.u8(1, -1)).isEqualTo(200);
        assertThat(attributes.u16(2, -1)).isEqualTo(65000);
        assertThat(attributes.u32(3, -1)).isEqualTo(-2);
        assertThat(attributes.u64(4, 0)).isEqualTo(-3L);
        assertThat(attributes.string(5)).isEqualTo("eth0");
        assertThat(attributes.address(6, 16)).isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(attributes.nested(7).u32(1, -1)).isEqualTo(42);
        assertThat(attributes.has(8)).isFalse();
        assertThat(attributes.u32(8, 99)).isEqualTo(99);
        assertThat(attributes.u32OrNull(8)).isNull();
        assertThat(attributes.string(8)).isNull();
        assertThat(attributes.nested(8).list()).isEmpty();
        assertThat(attributes.list()).extracting(Attributes.Attribute::type).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void theLastOfRepeatedTypesCountsAndTheListKeepsAll() {
        Attributes attributes = Attributes.decode(bytes()
                .u16(8).u16(1).u32(1)
                .u16(8).u16(1).u32(2)
                .buffer());

        assertThat(attributes.u32(1, 0)).isEqualTo(2);
        assertThat(attributes.list()).hasSize(2);
    }

    @Test
    void theLastAttributeMayEndWithoutItsPadding() {
        Attributes attributes = Attributes.decode(bytes().u16(5).u16(1).u8(9).buffer());

        assertThat(attributes.u8(1, 0)).isEqualTo(9);
    }

    @Test
    void anIpv4MappedIpv6AddressStaysIpv6() {
        Attributes attributes = Attributes.decode(bytes().u16(20).u16(1).zeros(10).u8(0xff).u8(0xff).ip("192.0.2.1").buffer());

        assertThat(attributes.address(1, 16)).isInstanceOf(java.net.Inet6Address.class);
    }

    @Test
    void rejectsLengthsThatDoNotFit() {
        assertThatThrownBy(() -> Attributes.decode(bytes().u16(3).u16(1).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("declares length 3");
        assertThatThrownBy(() -> Attributes.decode(bytes().u16(12).u16(1).u32(0).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("declares length 12");
        assertThatThrownBy(() -> Attributes.decode(bytes().u16(8).u16(1).u32(0).u16(4).buffer()))
                .isInstanceOf(NetlinkDecodeException.class).hasMessageContaining("truncated");
    }

    @Test
    void rejectsValuesOfTheWrongSize() {
        Attributes attributes = Attributes.decode(bytes().u16(6).u16(1).u16(7).zeros(2).u16(8).u16(2).ip("192.0.2.1").buffer());

        assertThatThrownBy(() -> attributes.u32(1, 0)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessageContaining("holds 2 bytes, expected 4");
        assertThatThrownBy(() -> attributes.address(2, 16)).isInstanceOf(NetlinkDecodeException.class)
                .hasMessageContaining("holds 4 bytes");
    }
}
