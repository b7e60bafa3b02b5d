package org.jkeepalived.netlink.testing;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes expected bytes field by field, integers in host byte order as the kernel's structs have them,
 * so that a golden test reads like the struct layout it checks.
 */
public final class HostBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static HostBytes bytes() {
        return new HostBytes();
    }

    public HostBytes u8(int value) {
        out.write(value);
        return this;
    }

    public HostBytes u16(int value) {
        return put(ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) value).array());
    }

    public HostBytes u32(int value) {
        return put(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    public HostBytes u64(long value) {
        return put(ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(value).array());
    }

    /** An IP address in network byte order. */
    public HostBytes ip(String address) {
        try {
            return put(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The bytes of a string followed by NUL. */
    public HostBytes string(String value) {
        put(value.getBytes(StandardCharsets.UTF_8));
        return u8(0);
    }

    public HostBytes zeros(int count) {
        return put(new byte[count]);
    }

    public HostBytes put(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    public byte[] array() {
        return out.toByteArray();
    }

    public ByteBuffer buffer() {
        return ByteBuffer.wrap(array()).order(ByteOrder.nativeOrder());
    }

    /** @return the bytes of a buffer from its position to its limit */
    public static byte[] of(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
