package org.jkeepalived.checker.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;

import org.jkeepalived.checker.api.CheckOutcome;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of DNS_CHECK's reading of the datagrams that come back. An input either
 * is the datagram, or describes a response (its ID, RCODE and answers) and the damage done to it.
 * No exception escapes the pipeline; an undamaged response to the query gives the verdict its
 * RCODE calls for, and one to another query none.
 */
class DnsAnswerFuzzer {

    private static final int QUERY_ID = 0x4a4b;
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 53);
    private static final InetSocketAddress CHECKER = new InetSocketAddress("127.0.0.1", 40000);

    @FuzzTest
    void everyDatagramIsJudgedOrIgnored(FuzzedDataProvider data) {
        byte[] datagram;
        boolean damaged = true;
        int id = QUERY_ID;
        DnsResponseCode code = DnsResponseCode.NOERROR;
        if (data.consumeBoolean()) {
            datagram = data.consumeRemainingAsBytes();
        } else {
            id = data.consumeBoolean() ? QUERY_ID : data.consumeInt(0, 0xffff);
            code = DnsResponseCode.valueOf(data.consumeInt(0, 15)); // the header holds 4 bits of RCODE
            datagram = encode(id, code, data.consumeInt(0, 3), data.consumeAsciiString(40));
            damaged = false;
            for (int edits = data.consumeInt(0, 6); edits > 0; edits--) {
                int at = data.consumeInt(0, datagram.length - 1);
                byte value = data.consumeByte();
                damaged |= datagram[at] != value;
                datagram[at] = value;
            }
        }
        CompletableFuture<CheckOutcome> outcome = new CompletableFuture<>();
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramDnsResponseDecoder(),
                new DnsChecker.AnswerHandler(QUERY_ID, outcome, "127.0.0.1:53"));

        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(datagram), CHECKER, SERVER));
        channel.checkException();
        channel.finishAndReleaseAll();

        if (!damaged) {
            if (id != QUERY_ID) {
                assertThat(outcome).isNotDone();
            } else {
                assertThat(outcome).isDone();
                assertThat(outcome.join().isUp()).isEqualTo(code.equals(DnsResponseCode.NOERROR));
            }
        }
    }

    private static byte[] encode(int id, DnsResponseCode code, int answers, String name) {
        DatagramDnsResponse response = new DatagramDnsResponse(SERVER, CHECKER, id, DnsOpCode.QUERY, code);
        String owner = "q" + name.replaceAll("[^a-z0-9-]", "") + ".example.";
        response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(owner, DnsRecordType.A));
        for (int i = 0; i < answers; i++) {
            response.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(owner, DnsRecordType.A, 60,
                    Unpooled.wrappedBuffer(new byte[] {127, 0, 0, (byte) (i + 1)})));
        }
        EmbeddedChannel encoder = new EmbeddedChannel(new DatagramDnsResponseEncoder());
        encoder.writeOutbound(response);
        DatagramPacket packet = encoder.readOutbound();
        try {
            return ByteBufUtil.getBytes(packet.content());
        } finally {
            packet.release();
            encoder.finishAndReleaseAll();
        }
    }
}
