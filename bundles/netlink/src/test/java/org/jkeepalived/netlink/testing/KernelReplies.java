package org.jkeepalived.netlink.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkMessage;

/**
 * Datagrams the kernel sent, captured in a test namespace by {@code KernelReplyCapture} and kept as
 * hexadecimal lines under {@code src/test/resources/org/jkeepalived/netlink/kernel}; lines starting
 * with {@code #} say how the namespace was set up.
 */
public final class KernelReplies {

    private KernelReplies() {
    }

    /** @return the datagrams of a capture, in the order they came */
    public static List<ByteBuffer> datagrams(String name) {
        try (InputStream in = KernelReplies.class.getResourceAsStream("/org/jkeepalived/netlink/kernel/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalStateException("no captured kernel replies named " + name);
            }
            List<ByteBuffer> datagrams = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    datagrams.add(ByteBuffer.wrap(HexFormat.of().parseHex(line.trim())).order(ByteOrder.nativeOrder()));
                }
            }
            return datagrams;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the messages of every datagram of a capture, in order */
    public static List<NetlinkMessage> messages(String name) {
        List<NetlinkMessage> messages = new ArrayList<>();
        datagrams(name).forEach(datagram -> messages.addAll(NetlinkFrameDecoder.decode(datagram)));
        return messages;
    }
}
