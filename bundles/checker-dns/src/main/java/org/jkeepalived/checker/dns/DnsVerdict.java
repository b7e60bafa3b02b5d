package org.jkeepalived.checker.dns;

import java.util.Optional;

import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import org.jkeepalived.checker.api.CheckOutcome;

/**
 * What a datagram that came back means, as keepalived judges it: a response to another query is
 * not the answer and is ignored; the answer is good when its RCODE is NOERROR (RFC 1035 section
 * 4.1.1), whatever its records.
 */
final class DnsVerdict {

    private DnsVerdict() {
    }

    /**
     * @param queryId the ID of the query sent
     * @param response a response that arrived
     * @return the outcome, or empty if the response answers another query
     */
    static Optional<CheckOutcome> of(int queryId, DnsResponse response) {
        if (response.id() != queryId) {
            return Optional.empty();
        }
        DnsResponseCode code = response.code();
        if (!code.equals(DnsResponseCode.NOERROR)) {
            return Optional.of(CheckOutcome.down("answered " + code.toString()));
        }
        int answers = response.count(DnsSection.ANSWER);
        return Optional.of(CheckOutcome.up("answered NoError with " + answers + (answers == 1 ? " record" : " records")));
    }
}
