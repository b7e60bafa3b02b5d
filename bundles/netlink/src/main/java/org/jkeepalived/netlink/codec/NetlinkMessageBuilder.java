package org.jkeepalived.netlink.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes one netlink message: the header, the family's fixed header field by field, then
 * attributes, each padded to 4 bytes. {@link #build()} fills in {@code nlmsg_len}; the sequence
 * number and port stay 0 for the socket to fill in.
 */
public final class NetlinkMessageBuilder {

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

    /**
     * @param type {@code nlmsg_type}
     * @param flags {@code nlmsg_flags}
     */
    public NetlinkMessageBuilder(int type, int flags) {
        buffer.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    /** @param value a byte of the family header
     *  @return this builder */
    public NetlinkMessageBuilder putU8(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    /** @param value a 16-bit field of the family header, in host byte order
     *  @return this builder */
    public NetlinkMessageBuilder putU16(int value) {
        ensure(2).putShort((short) value);
        return this;
    }

    /** @param value a 32-bit field of the family header, in host byte order
     *  @return this builder */
    public NetlinkMessageBuilder putU32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    /**
     * Adds an attribute with a raw value.
     *
     * @param type its type
     * @param value its bytes
     * @return this builder
     */
    public NetlinkMessageBuilder attribute(int type, byte[] value) {
        int start = beginAttribute(type);
        ensure(value.length).put(value);
        endAttribute(start);
        return this;
    }

    /** @param type attribute type
     *  @param value its value, one byte
     *  @return this builder */
    public NetlinkMessageBuilder attributeU8(int type, int value) {
        return attribute(type, new byte[] {(byte) value});
    }

    /** @param type attribute type
     *  @param value its value, 16 bits in host byte order
     *  @return this builder */
    public NetlinkMessageBuilder attributeU16(int type, int value) {
        return attribute(type, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) value).array());
    }

    /** @param type attribute type
     *  @param value its value, 32 bits in host byte order
     *  @return this builder */
    public NetlinkMessageBuilder attributeU32(int type, int value) {
        return attribute(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** @param type attribute type
     *  @param value its value, 64 bits in host byte order
     *  @return this builder */
    public NetlinkMessageBuilder attributeU64(int type, long value) {
        return attribute(type, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(value).array());
    }

    /** @param type attribute type
     *  @param value its value, written in UTF-8 and terminated by NUL
     *  @return this builder */
    public NetlinkMessageBuilder attributeString(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[text.length + 1];
        System.arraycopy(text, 0, terminated, 0, text.length);
        return attribute(type, terminated);
    }

    /** @param type attribute type
     *  @param address an IPv4 or IPv6 address, written in network byte order
     *  @return this builder */
    public NetlinkMessageBuilder attributeAddress(int type, InetAddress address) {
        return attribute(type, address.getAddress());
    }

    /**
     * Opens a nested attribute: the attributes added until {@link #endNested} are its value.
     *
     * @param type its type
     * @return the mark to pass to {@link #endNested}
     */
    public int beginNested(int type) {
        return beginAttribute(type);
    }

    /**
     * Closes a nested attribute, setting its length.
     *
     * @param mark what {@link #beginNested} returned
     * @return this builder
     */
    public NetlinkMessageBuilder endNested(int mark) {
        endAttribute(mark);
        return this;
    }

    /**
     * Adds raw bytes that are part of an attribute's value, such as a struct inside a nested attribute.
     *
     * @param bytes the bytes
     * @return this builder
     */
    public NetlinkMessageBuilder putBytes(byte[] bytes) {
        ensure(bytes.length).put(bytes);
        return this;
    }

    /** @return the position where the next byte goes, for a caller that fills in a length later */
    public int position() {
        return buffer.position();
    }

    /**
     * Writes a 16-bit length at a position written earlier, as the length of an embedded struct.
     *
     * @param position where the length goes
     * @param length the length
     * @return this builder
     */
    public NetlinkMessageBuilder setU16(int position, int length) {
        buffer.putShort(position, (short) length);
        return this;
    }

    /** @return the message, from position 0 to its length, in host byte order */
    public ByteBuffer build() {
        pad();
        ByteBuffer message = ByteBuffer.allocate(buffer.position()).order(ByteOrder.nativeOrder());
        message.put(buffer.array(), 0, buffer.position()).flip();
        message.putInt(0, message.limit());
        return message;
    }

    private int beginAttribute(int type) {
        pad();
        int start = buffer.position();
        ensure(Attributes.HEADER_SIZE).putShort((short) 0).putShort((short) type);
        return start;
    }

    private void endAttribute(int start) {
        buffer.putShort(start, (short) (buffer.position() - start));
        pad();
    }

    private void pad() {
        int padding = Alignment.align(buffer.position()) - buffer.position();
        ensure(padding).put(new byte[padding]);
    }

    private ByteBuffer ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
                    .order(ByteOrder.nativeOrder());
            larger.put(buffer.array(), 0, buffer.position());
            buffer = larger;
        }
        return buffer;
    }
}
