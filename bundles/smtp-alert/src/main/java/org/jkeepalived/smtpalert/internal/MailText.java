package org.jkeepalived.smtpalert.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The text of an alert mail (RFC 5322): the headers keepalived writes, then the body. */
final class MailText {

    static final String MAILER = "jkeepalived";

    private static final String CRLF = "\r\n";

    private MailText() {
    }

    /**
     * @param settings the sender and recipients
     * @param alert the alert
     * @param zone the zone the Date is written in, the host's as keepalived writes it
     * @return the message, lines ending in CRLF, not yet dot-stuffed (the SMTP client does that)
     */
    static String compose(MailSettings settings, Alert alert, ZoneId zone) {
        return "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(alert.at().atZone(zone)) + CRLF
                + "From: " + settings.from() + CRLF
                + "Subject: " + alert.subject() + CRLF
                + "X-Mailer: " + MAILER + CRLF
                + "To: " + String.join(", ", settings.recipients()) + CRLF
                + CRLF
                + alert.body() + CRLF;
    }
}
