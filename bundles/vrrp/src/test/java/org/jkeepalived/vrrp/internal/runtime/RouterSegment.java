package org.jkeepalived.vrrp.internal.runtime;

import org.jkeepalived.core.internal.loop.EventLoopsComponent;

/** A jkeepalived router in each namespace of a {@link BridgedPair}: {@code first} on 192.0.2.1, {@code second} on 192.0.2.2. */
final class RouterSegment implements AutoCloseable {

    private final EventLoopsComponent loops = new EventLoopsComponent();
    private final BridgedPair pair;
    final RuntimeRouter first;
    final RuntimeRouter second;

    RouterSegment() throws Exception {
        pair = BridgedPair.create();
        first = new RuntimeRouter(pair.a, loops);
        second = new RuntimeRouter(pair.b, loops);
    }

    @Override
    public void close() {
        first.close();
        second.close();
        pair.close();
    }
}
