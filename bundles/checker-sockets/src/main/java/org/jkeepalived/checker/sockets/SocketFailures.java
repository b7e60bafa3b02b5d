package org.jkeepalived.checker.sockets;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** What went wrong with a socket, and how long a check waited, in a few words for the log and the shell. */
public final class SocketFailures {

    /** An address as Java prints it: {@code /192.0.2.1:80} or {@code host/192.0.2.1:80}. */
    private static final Pattern ADDRESS = Pattern.compile("\\S*/\\S+:\\d+");

    private SocketFailures() {
    }

    /**
     * @param cause what Netty gave, for example {@code finishConnect(..) failed: Connection refused: /192.0.2.1:80}
     * @return its reason without the system call and the address, for example {@code connection refused}
     */
    public static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        String[] parts = message.split(": ");
        String reason = message;
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank() && !ADDRESS.matcher(parts[i].trim()).matches()) {
                reason = parts[i].trim();
                break;
            }
        }
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    /**
     * @param cause why the kernel made no socket (EMFILE, ENOBUFS)
     * @return for example {@code cannot open a socket: too many open files}
     */
    public static String notOpened(Throwable cause) {
        return "cannot open a socket: " + reason(cause);
    }

    /**
     * @param duration a timeout
     * @return {@code 5 s}, or {@code 500 ms} where it is no whole number of seconds
     */
    public static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
