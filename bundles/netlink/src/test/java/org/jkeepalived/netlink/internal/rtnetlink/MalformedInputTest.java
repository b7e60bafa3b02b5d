package org.jkeepalived.netlink.internal.rtnetlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jkeepalived.netlink.codec.GenericNetlink;
import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkError;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;
import org.jkeepalived.netlink.testing.KernelReplies;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and corrupted kernel replies fed to every decoder: each either decodes or throws
 * {@link NetlinkDecodeException}, never anything else.
 */
class MalformedInputTest {

    private static final List<String> CAPTURES = List.of("links", "addresses", "routes", "rules", "family-nlctrl",
            "error-exists", "error-unreachable-gateway");

    /** Every decoder of this bundle, applied to one message whatever its type. */
    private static final List<Consumer<NetlinkMessage>> DECODERS = List.of(
            LinkCodec::decode,
            AddressCodec::decode,
            RouteCodec::decode,
            RuleCodec::decode,
            NetlinkError::decode,
            NetlinkError::decodeDone,
            GenericNetlink::decodeFamily,
            message -> message.attributes(0).list().forEach(attribute -> attribute.nested()),
            message -> message.attributes(GenericNetlink.HEADER_SIZE));

    @Test
    void everyTruncationOfACapturedDatagramIsRejectedOrDecoded() {
        int rejected = 0;
        for (ByteBuffer datagram : allDatagrams()) {
            TreeSet<Integer> boundaries = messageBoundaries(datagram);
            for (int length = 0; length < datagram.remaining(); length++) {
                ByteBuffer truncated = slice(datagram, length);
                if (boundaries.contains(length)) {
                    decodeAll(truncated);
                } else {
                    assertThatThrownBy(() -> NetlinkFrameDecoder.decode(truncated))
                            .as("datagram cut at %d of %d", length, datagram.remaining())
                            .isInstanceOf(NetlinkDecodeException.class);
                    rejected++;
                }
            }
        }
        assertThat(rejected).isGreaterThan(10_000);
    }

    @Test
    void messagesWhoseLengthIsShortenedKeepEveryDecoderWithinItsBounds() {
        for (ByteBuffer datagram : allDatagrams()) {
            for (NetlinkMessage message : NetlinkFrameDecoder.decode(datagram)) {
                byte[] original = bytes(message);
                for (int length = 16; length < original.length; length++) {
                    byte[] shortened = java.util.Arrays.copyOf(original, length);
                    ByteBuffer.wrap(shortened).order(ByteOrder.nativeOrder()).putInt(0, length);
                    decodeAll(ByteBuffer.wrap(shortened).order(ByteOrder.nativeOrder()));
                }
            }
        }
    }

    @Test
    void corruptedDatagramsAreRejectedOrDecoded() {
        Random random = new Random(0x6e65746c);
        List<ByteBuffer> datagrams = allDatagrams();
        for (int i = 0; i < 30_000; i++) {
            byte[] bytes = bytes(datagrams.get(random.nextInt(datagrams.size())));
            int corruptions = 1 + random.nextInt(8);
            for (int c = 0; c < corruptions; c++) {
                int at = random.nextInt(bytes.length);
                bytes[at] = random.nextInt(4) == 0 ? (byte) 0xff : (byte) random.nextInt(256);
            }
            decodeAll(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
        }
    }

    @Test
    void randomBytesAreRejectedOrDecoded() {
        Random random = new Random(42);
        for (int i = 0; i < 30_000; i++) {
            byte[] bytes = new byte[random.nextInt(160)];
            random.nextBytes(bytes);
            if (bytes.length >= 4 && random.nextBoolean()) {
                // a plausible length, so that decoding gets past the first check
                ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).putInt(0, bytes.length);
            }
            decodeAll(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
        }
    }

    static void decodeAll(ByteBuffer datagram) {
        List<NetlinkMessage> messages;
        try {
            messages = NetlinkFrameDecoder.decode(datagram);
        } catch (NetlinkDecodeException expected) {
            return;
        } catch (RuntimeException e) {
            throw failure("frame decoder", datagram, e);
        }
        for (NetlinkMessage message : messages) {
            for (int d = 0; d < DECODERS.size(); d++) {
                try {
                    DECODERS.get(d).accept(message);
                } catch (NetlinkDecodeException expected) {
                    // rejected as it should be
                } catch (RuntimeException e) {
                    throw failure("decoder " + d, datagram, e);
                }
            }
        }
    }

    private static AssertionError failure(String decoder, ByteBuffer datagram, RuntimeException e) {
        try {
            fail(decoder + " threw " + e + " on " + HexFormat.of().formatHex(bytes(datagram)), e);
        } catch (AssertionError error) {
            return error;
        }
        return new AssertionError(e);
    }

    static List<ByteBuffer> allDatagrams() {
        List<ByteBuffer> datagrams = new ArrayList<>();
        CAPTURES.forEach(name -> datagrams.addAll(KernelReplies.datagrams(name)));
        return datagrams;
    }

    private static TreeSet<Integer> messageBoundaries(ByteBuffer datagram) {
        TreeSet<Integer> boundaries = new TreeSet<>();
        int at = 0;
        boundaries.add(0);
        for (NetlinkMessage message : NetlinkFrameDecoder.decode(datagram)) {
            at += (message.header().length() + 3) & ~3;
            boundaries.add(Math.min(at, datagram.remaining()));
        }
        return boundaries;
    }

    private static ByteBuffer slice(ByteBuffer datagram, int length) {
        return datagram.duplicate().limit(datagram.position() + length).slice().order(ByteOrder.nativeOrder());
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static byte[] bytes(NetlinkMessage message) {
        ByteBuffer whole = ByteBuffer.allocate(message.header().length()).order(ByteOrder.nativeOrder());
        whole.putInt(message.header().length()).putShort((short) message.type()).putShort((short) message.header().flags())
                .putInt(message.header().sequence()).putInt(message.header().portId()).put(message.payload());
        return whole.array();
    }
}
