package org.jkeepalived.checker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of how HTTP_GET and SSL_GET read a real server's response. Whatever the
 * bytes, the reader gives a header and body or refuses the response with a
 * MalformedResponseException; and how TCP happens to cut the bytes into reads never changes what
 * is read, so the digest checked is the one genhash prints.
 */
class ResponseReaderFuzzer {

    /** What reading a response gave. */
    private record Reading(int statusCode, String head, String body, long bodyLength, OptionalLong contentLength,
            boolean complete, String refusal) {
    }

    @FuzzTest
    void howReadsAreCutNeverChangesWhatIsRead(FuzzedDataProvider data) {
        int[] cuts = new int[data.consumeInt(0, 8)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = data.consumeInt(0, 4096);
        }
        byte[] response = data.consumeRemainingAsBytes();
        Arrays.sort(cuts);

        Reading whole = read(response, new int[0]);
        Reading cut = read(response, cuts);

        assertThat(cut).isEqualTo(whole);
        if (whole.refusal() == null && whole.statusCode() >= 0) {
            assertThat(whole.statusCode()).isBetween(0, 999);
            assertThat(whole.head()).startsWith("HTTP/").endsWith("\r\n\r\n");
            assertThat(whole.head().length() + whole.bodyLength()).isEqualTo(response.length);
        }
    }

    private static Reading read(byte[] response, int[] cuts) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ResponseReader reader = new ResponseReader(new ResponseReader.Listener() {
            @Override
            public void head(ByteBuf header, int statusCode, ByteBuf bodyStart) {
                head.writeBytes(ByteBufUtil.getBytes(header));
                body.writeBytes(ByteBufUtil.getBytes(bodyStart));
            }

            @Override
            public void body(ByteBuf chunk) {
                body.writeBytes(ByteBufUtil.getBytes(chunk));
            }
        });
        String refusal = null;
        int from = 0;
        try {
            for (int cut : cuts) {
                int to = Math.min(cut, response.length);
                if (to > from) {
                    reader.read(Unpooled.wrappedBuffer(response, from, to - from));
                    from = to;
                }
            }
            reader.read(Unpooled.wrappedBuffer(response, from, response.length - from));
        } catch (MalformedResponseException e) {
            refusal = e.getMessage();
        } finally {
            reader.release();
        }
        return new Reading(reader.statusCode(), head.toString(StandardCharsets.ISO_8859_1),
                body.toString(StandardCharsets.ISO_8859_1), reader.bodyLength(), reader.contentLength(), reader.complete(),
                refusal);
    }
}
