package org.jkeepalived.vrrp.internal.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test whose every case runs on a fresh {@link RouterSegment}: {@code first} on 192.0.2.1 and
 * {@code second} on 192.0.2.2, both without configuration; a subclass's own set-up runs after this.
 */
abstract class RouterSegmentTest {

    RouterSegment segment;
    RuntimeRouter first;
    RuntimeRouter second;

    @BeforeEach
    final void openSegment() throws Exception {
        segment = new RouterSegment();
        first = segment.first;
        second = segment.second;
    }

    @AfterEach
    final void closeSegment() {
        if (segment != null) {
            segment.close();
        }
    }
}
