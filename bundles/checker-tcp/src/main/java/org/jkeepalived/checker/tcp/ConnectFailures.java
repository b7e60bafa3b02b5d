package org.jkeepalived.checker.tcp;

import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;

import org.jkeepalived.checker.sockets.SocketFailures;

/** Says in a few words why a connection failed, as the log and the shell show it. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    /**
     * @param cause what Netty gave, for example {@code finishConnect(..) failed: Connection refused}
     * @param local the source the connection was bound to, if any
     * @return for example {@code connection refused}, {@code no route to host} or
     *         {@code cannot bind to 192.0.2.5:0: cannot assign requested address}
     */
    static String describe(Throwable cause, InetSocketAddress local) {
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String reason = SocketFailures.reason(cause);
        if (local != null && String.valueOf(cause.getMessage()).startsWith("bind(")) {
            return "cannot bind to " + local.getHostString() + ":" + local.getPort() + ": " + reason;
        }
        return reason;
    }
}
