package org.jkeepalived.config.api.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressesTest {

    /** RFC 5952 section 4: leading zeros dropped, the longest (then first) run of zeros compressed, lower case. */
    @ParameterizedTest
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:0, ::",
        "FF02:0:0:0:0:0:0:12, ff02::12",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "192.0.2.1, 192.0.2.1"})
    void formatsAsRfc5952Says(String written, String expected) throws UnknownHostException {
        assertThat(IpAddresses.format(InetAddress.getByName(written))).isEqualTo(expected);
    }

    /** An IPv6 endpoint is bracketed, as in URLs (RFC 3986 section 3.2.2) and ipvsadm's listing. */
    @ParameterizedTest
    @CsvSource({"192.0.2.10, 80, 192.0.2.10:80", "2001:db8:0:0:0:0:0:10, 443, [2001:db8::10]:443"})
    void endpointsJoinAddressAndPort(String address, int port, String expected) throws UnknownHostException {
        assertThat(IpAddresses.endpoint(InetAddress.getByName(address), port)).isEqualTo(expected);
    }
}
