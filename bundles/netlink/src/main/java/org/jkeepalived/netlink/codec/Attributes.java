package org.jkeepalived.netlink.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The attributes of a netlink message or of a nested attribute: {@code struct nlattr} type-length-value
 * entries, each starting at a 4-byte boundary. The whole run is checked when it is decoded; a typed
 * read then checks the value's size. Where a type occurs more than once, the last one counts, as in
 * the kernel's {@code nla_parse}; {@link #list()} keeps them all, for lists of nested entries.
 */
public final class Attributes {

    /** {@code sizeof(struct nlattr)}. */
    public static final int HEADER_SIZE = 4;
    /** {@code NLA_F_NESTED}: set by newer kernels on the type of a nested attribute. */
    public static final int NLA_F_NESTED = 1 << 15;
    /** {@code NLA_F_NET_BYTEORDER}: the value is in network byte order. */
    public static final int NLA_F_NET_BYTEORDER = 1 << 14;
    private static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    private static final Attributes EMPTY = new Attributes(List.of());

    /**
     * One attribute.
     *
     * @param type its type without the {@code NLA_F_} flags
     * @param value its value (read-only, host byte order)
     */
    public record Attribute(int type, ByteBuffer value) {

        /** @param type the type
         *  @param value the value */
        public Attribute {
            value = value.slice().asReadOnlyBuffer().order(ByteOrder.nativeOrder());
        }

        /** @return the value from its start, as a new buffer each time */
        @Override
        public ByteBuffer value() {
            return value.duplicate().order(ByteOrder.nativeOrder());
        }

        /**
         * @return the value read as attributes
         * @throws NetlinkDecodeException if they are malformed
         */
        public Attributes nested() {
            return decode(value());
        }
    }

    private final List<Attribute> attributes;

    private Attributes(List<Attribute> attributes) {
        this.attributes = attributes;
    }

    /**
     * @param buffer the attributes, from the buffer's position to its limit
     * @return them, decoded
     * @throws NetlinkDecodeException if an attribute's length is shorter than its header or runs past the end
     */
    public static Attributes decode(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate().order(ByteOrder.nativeOrder());
        List<Attribute> decoded = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            if (in.remaining() < HEADER_SIZE) {
                throw new NetlinkDecodeException("attribute at byte " + start + " is truncated: "
                        + in.remaining() + " bytes left, a header needs " + HEADER_SIZE);
            }
            int length = Short.toUnsignedInt(in.getShort());
            int type = Short.toUnsignedInt(in.getShort()) & NLA_TYPE_MASK;
            if (length < HEADER_SIZE || length > in.limit() - start) {
                throw new NetlinkDecodeException("attribute " + type + " at byte " + start + " declares length " + length
                        + ", " + (in.limit() - start) + " bytes left");
            }
            decoded.add(new Attribute(type, in.duplicate().limit(start + length)));
            in.position(Math.min(in.limit(), start + Alignment.align(length)));
        }
        return new Attributes(Collections.unmodifiableList(decoded));
    }

    /** @return no attributes */
    public static Attributes empty() {
        return EMPTY;
    }

    /** @return every attribute, in order */
    public List<Attribute> list() {
        return attributes;
    }

    /**
     * @param type an attribute type
     * @return whether it is present
     */
    public boolean has(int type) {
        return find(type) != null;
    }

    /**
     * @param type an attribute type
     * @return its value, or {@code null} if absent
     */
    public ByteBuffer value(int type) {
        Attribute attribute = find(type);
        return attribute == null ? null : attribute.value();
    }

    /**
     * @param type an attribute type
     * @param absent what to return if absent
     * @return its value as an unsigned byte
     */
    public int u8(int type, int absent) {
        ByteBuffer value = sized(type, 1);
        return value == null ? absent : Byte.toUnsignedInt(value.get());
    }

    /**
     * @param type an attribute type
     * @param absent what to return if absent
     * @return its value as an unsigned 16-bit integer in host byte order
     */
    public int u16(int type, int absent) {
        ByteBuffer value = sized(type, 2);
        return value == null ? absent : Short.toUnsignedInt(value.getShort());
    }

    /**
     * @param type an attribute type
     * @param absent what to return if absent
     * @return its value as a 32-bit integer in host byte order (unsigned values keep their bits)
     */
    public int u32(int type, int absent) {
        ByteBuffer value = sized(type, 4);
        return value == null ? absent : value.getInt();
    }

    /**
     * @param type an attribute type
     * @return its value as a 32-bit integer, or {@code null} if absent
     */
    public Integer u32OrNull(int type) {
        ByteBuffer value = sized(type, 4);
        return value == null ? null : value.getInt();
    }

    /**
     * @param type an attribute type
     * @param absent what to return if absent
     * @return its value as a 64-bit integer in host byte order
     */
    public long u64(int type, long absent) {
        ByteBuffer value = sized(type, 8);
        return value == null ? absent : value.getLong();
    }

    /**
     * @param type an attribute type
     * @return its value up to the first NUL, or {@code null} if absent
     */
    public String string(int type) {
        ByteBuffer value = value(type);
        if (value == null) {
            return null;
        }
        int end = value.position();
        while (end < value.limit() && value.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - value.position()];
        value.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @param type an attribute type
     * @return a copy of its value, or {@code null} if absent
     */
    public byte[] bytes(int type) {
        ByteBuffer value = value(type);
        if (value == null) {
            return null;
        }
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return bytes;
    }

    /**
     * @param type an attribute type
     * @return its value read as attributes, or none if absent
     * @throws NetlinkDecodeException if they are malformed
     */
    public Attributes nested(int type) {
        Attribute attribute = find(type);
        return attribute == null ? EMPTY : attribute.nested();
    }

    /**
     * @param type an attribute type holding an IP address in network byte order
     * @param addressLength 4 for IPv4, 16 for IPv6, as the message's family says
     * @return the address, or {@code null} if absent
     * @throws NetlinkDecodeException if the value has another length
     */
    public InetAddress address(int type, int addressLength) {
        byte[] bytes = bytes(type);
        if (bytes == null) {
            return null;
        }
        if (bytes.length != addressLength) {
            throw new NetlinkDecodeException("attribute " + type + " holds " + bytes.length
                    + " bytes, an address of this family has " + addressLength);
        }
        return address(bytes);
    }

    /**
     * @param bytes 4 or 16 bytes in network byte order
     * @return the IPv4 or IPv6 address; 16 bytes always give an IPv6 address, even an IPv4-mapped one
     */
    static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new NetlinkDecodeException("an address cannot have " + bytes.length + " bytes");
        }
    }

    private ByteBuffer sized(int type, int size) {
        ByteBuffer value = value(type);
        if (value != null && value.remaining() < size) {
            throw new NetlinkDecodeException("attribute " + type + " holds " + value.remaining()
                    + " bytes, expected " + size);
        }
        return value;
    }

    private Attribute find(int type) {
        for (int i = attributes.size() - 1; i >= 0; i--) {
            if (attributes.get(i).type() == type) {
                return attributes.get(i);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Attributes[");
        for (Attribute attribute : attributes) {
            text.append(' ').append(attribute.type()).append(':').append(attribute.value().remaining());
        }
        return text.append(" ]").toString();
    }
}
