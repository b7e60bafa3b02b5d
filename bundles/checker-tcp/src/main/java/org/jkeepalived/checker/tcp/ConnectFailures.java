package org.jkeepalived.checker.tcp;

import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.util.Locale;

import io.netty.channel.ConnectTimeoutException;

/** Says in a few words why a connection failed, as the log and the shell show it. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    /**
     * @param cause what Netty gave, for example {@code finishConnect(..) failed: Connection refused}
     * @param local the source the connection was bound to, if any
     * @return for example {@code connection refused}, {@code connection timed out} or
     *         {@code cannot bind to 192.0.2.5:0: cannot assign requested address}
     */
    static String describe(Throwable cause, InetSocketAddress local) {
        if (cause instanceof ConnectTimeoutException) {
            return "connection timed out";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Netty writes "syscall(..) failed: Reason: /address:port": the reason is the last part that is no address.
        String[] parts = message.split(": ");
        String reason = message;
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank() && !parts[i].startsWith("/")) {
                reason = parts[i].trim();
                break;
            }
        }
        reason = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        if (local != null && message.startsWith("bind(")) {
            return "cannot bind to " + local.getHostString() + ":" + local.getPort() + ": " + reason;
        }
        return reason;
    }
}
