package org.jkeepalived.checker.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import org.jkeepalived.checker.api.CheckOutcome;
import org.junit.jupiter.api.Test;

/** The query on the wire as keepalived sends it, and how a response is judged. */
class DnsQueryTest {

    private static String encode(String name, DnsRecordType type) {
        DatagramDnsQuery query = new DatagramDnsQuery(null, new InetSocketAddress("192.0.2.53", 53), 0x1234);
        query.setRecursionDesired(true);
        query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramDnsQueryEncoder());
        channel.writeOutbound(query);
        DatagramPacket packet = channel.readOutbound();
        String hex = ByteBufUtil.hexDump(packet.content());
        packet.release();
        channel.finishAndReleaseAll();
        return hex;
    }

    @Test
    void aQueryHasOneQuestionWithRecursionDesired() {
        // ID 1234, flags 0100 (RD), QDCOUNT 1, then www.example.test, type A (1), class IN (1): RFC 1035 section 4.1
        assertThat(encode("www.example.test", DnsRecordType.A)).isEqualTo(
                "1234" + "0100" + "0001" + "0000" + "0000" + "0000"
                        + "03777777" + "076578616d706c65" + "0474657374" + "00" + "0001" + "0001");
        assertThat(encode("www.example.test.", DnsRecordType.A)).as("a trailing dot changes nothing")
                .isEqualTo(encode("www.example.test", DnsRecordType.A));
    }

    @Test
    void theRootIsOneZeroOctet() {
        assertThat(encode(".", DnsRecordType.SOA)).isEqualTo("1234" + "0100" + "0001" + "0000" + "0000" + "0000" + "00" + "0006" + "0001");
    }

    @Test
    void aResponseToAnotherQueryIsIgnoredAndAnErrorCodeIsDown() {
        assertThat(DnsVerdict.of(0x1234, new DefaultDnsResponse(0x4321))).isEmpty();
        assertThat(DnsVerdict.of(0x1234, new DefaultDnsResponse(0x1234, DnsOpCode.QUERY, DnsResponseCode.SERVFAIL)))
                .hasValue(CheckOutcome.down("answered ServFail(2)"));
        assertThat(DnsVerdict.of(0x1234, new DefaultDnsResponse(0x1234))).hasValue(CheckOutcome.up("answered NoError with 0 records"));
    }
}
