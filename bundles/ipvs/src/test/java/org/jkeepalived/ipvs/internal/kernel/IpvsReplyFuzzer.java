package org.jkeepalived.ipvs.internal.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.jkeepalived.netlink.codec.NetlinkDecodeException;
import org.jkeepalived.netlink.codec.NetlinkFrameDecoder;
import org.jkeepalived.netlink.codec.NetlinkHeader;
import org.jkeepalived.netlink.codec.NetlinkMessage;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the kernel's IPVS answers as the data plane reads them. An input picks
 * a captured answer and a decoder, and damages the answer's body (bytes overwritten, cut short), or
 * is the body itself. Each must decode or be refused with a NetlinkDecodeException.
 */
class IpvsReplyFuzzer {

    private static final List<Integer> COMMANDS = List.of(IpvsNetlink.CMD_NEW_SERVICE, IpvsNetlink.CMD_NEW_DEST,
            IpvsNetlink.CMD_SET_CONFIG, IpvsNetlink.CMD_NEW_DAEMON, IpvsNetlink.CMD_SET_INFO);

    @FuzzTest
    void everyAnswerIsDecodedOrRefused(FuzzedDataProvider data) {
        byte[] answer = IpvsRepliesTest.bytes(data.pickValue(IpvsRepliesTest.CAPTURED_ANSWERS));
        int command = data.pickValue(COMMANDS);
        byte[] damaged;
        if (data.consumeBoolean()) {
            damaged = Arrays.copyOf(answer, NetlinkHeader.SIZE);
            damaged = concat(damaged, data.consumeRemainingAsBytes());
        } else {
            damaged = answer;
            for (int edits = data.consumeInt(0, 8); edits > 0; edits--) {
                damaged[data.consumeInt(NetlinkHeader.SIZE, damaged.length - 1)] = data.consumeByte();
            }
            if (data.consumeBoolean()) {
                damaged = Arrays.copyOf(damaged, data.consumeInt(NetlinkHeader.SIZE, damaged.length));
            }
        }
        ByteBuffer datagram = ByteBuffer.wrap(damaged).order(ByteOrder.nativeOrder()).putInt(0, damaged.length);
        NetlinkMessage message = NetlinkFrameDecoder.decode(datagram).get(0);
        try {
            IpvsRepliesTest.decodeAs(command, message);
        } catch (NetlinkDecodeException refused) {
            // the one way to fail
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] both = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, both, head.length, tail.length);
        return both;
    }
}
