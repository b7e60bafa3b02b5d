package org.jkeepalived.netlink.internal.rtnetlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what the kernel answers over netlink, as every decoder of this bundle
 * reads it. An input either is the datagram, or picks a captured kernel reply and damages it (bytes
 * overwritten, cut short). Each must decode or be refused with a NetlinkDecodeException.
 */
class NetlinkReplyFuzzer {

    private static final List<ByteBuffer> CAPTURED = MalformedInputTest.allDatagrams();

    @FuzzTest
    void everyDatagramIsDecodedOrRefused(FuzzedDataProvider data) {
        byte[] datagram;
        if (data.consumeBoolean()) {
            datagram = data.consumeRemainingAsBytes();
        } else {
            datagram = MalformedInputTest.bytes(data.pickValue(CAPTURED));
            for (int edits = data.consumeInt(0, 8); edits > 0 && datagram.length > 0; edits--) {
                datagram[data.consumeInt(0, datagram.length - 1)] = data.consumeByte();
            }
            if (data.consumeBoolean()) {
                datagram = Arrays.copyOf(datagram, data.consumeInt(0, datagram.length));
            }
        }
        MalformedInputTest.decodeAll(ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()));
    }
}
