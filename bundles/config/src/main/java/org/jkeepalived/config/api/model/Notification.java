package org.jkeepalived.config.api.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who gets mail about state changes, and through which SMTP server.
 *
 * @param emails notification_email: the recipients, each possibly with a display name
 * @param emailFrom notification_email_from (default {@code keepalived@HOSTNAME})
 * @param smtpServer smtp_server, if mail is sent at all
 * @param smtpHeloName smtp_helo_name (default the host name)
 * @param smtpConnectTimeout smtp_connect_timeout (default 30 s)
 * @param smtpAlert smtp_alert: the default of every smtp_alert, if set
 * @param smtpAlertVrrp smtp_alert_vrrp: the default for VRRP instances and sync groups, if set
 * @param smtpAlertChecker smtp_alert_checker: the default for virtual and real servers, if set
 * @param noEmailFaults no_email_faults: no mail for FAULT transitions
 * @param noCheckerEmails no_checker_emails: mail when a real server is added or removed only
 */
public record Notification(
        List<String> emails,
        String emailFrom,
        Optional<SmtpServer> smtpServer,
        String smtpHeloName,
        Duration smtpConnectTimeout,
        Optional<Boolean> smtpAlert,
        Optional<Boolean> smtpAlertVrrp,
        Optional<Boolean> smtpAlertChecker,
        boolean noEmailFaults,
        boolean noCheckerEmails) {

    public Notification {
        emails = List.copyOf(emails);
    }

    /**
     * An SMTP server.
     *
     * @param host an IP address or a host name
     * @param port the port (default 25)
     */
    public record SmtpServer(String host, int port) {
    }
}
