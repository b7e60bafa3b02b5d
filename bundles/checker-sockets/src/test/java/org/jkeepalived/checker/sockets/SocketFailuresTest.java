package org.jkeepalived.checker.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SocketFailuresTest {

    @Test
    void theReasonLosesTheSystemCallAndTheAddressAsNettyWritesThem() {
        assertThat(SocketFailures.reason(new ConnectException("finishConnect(..) failed: Connection refused: /192.0.2.1:80")))
                .isEqualTo("connection refused");
        assertThat(SocketFailures.reason(new ConnectException("connect(..) failed: Network is unreachable: localhost/[::1]:8080")))
                .isEqualTo("network is unreachable");
        assertThat(SocketFailures.reason(new IOException("newSocketStream(..) failed: Too many open files")))
                .isEqualTo("too many open files");
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsClass() {
        assertThat(SocketFailures.reason(new IOException())).isEqualTo("IOException");
    }

    @Test
    void timeoutsReadInSecondsOrMilliseconds() {
        assertThat(SocketFailures.describe(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(SocketFailures.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
