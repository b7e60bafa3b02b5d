package org.jkeepalived.smtpalert.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.config.api.model.Notification;

/**
 * Where alerts go and how, from global_defs.
 *
 * @param host smtp_server's address or name
 * @param port smtp_server's port
 * @param heloName smtp_helo_name
 * @param from notification_email_from
 * @param recipients notification_email
 * @param timeout smtp_connect_timeout: for connecting and for every reply of the server
 */
record MailSettings(String host, int port, String heloName, String from, List<String> recipients, Duration timeout) {

    MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(from, "from");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param notification the mail settings of global_defs
     * @return the settings, or empty when no mail is sent: keepalived mails only when both
     *         smtp_server and notification_email are set
     */
    static Optional<MailSettings> of(Notification notification) {
        if (notification.emails().isEmpty()) {
            return Optional.empty();
        }
        return notification.smtpServer().map(server -> new MailSettings(server.host(), server.port(),
                notification.smtpHeloName(), notification.emailFrom(), notification.emails(),
                notification.smtpConnectTimeout()));
    }

    /** @return the server as logs name it: {@code 192.0.2.25:25}, {@code [2001:db8::25]:25} */
    String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
