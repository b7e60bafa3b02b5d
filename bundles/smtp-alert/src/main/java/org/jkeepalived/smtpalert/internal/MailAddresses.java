package org.jkeepalived.smtpalert.internal;

/**
 * notification_email and notification_email_from take an address alone ({@code admin@example.com})
 * or with a display name ({@code My admin <admin@example.com>}): the headers carry what is written,
 * the SMTP envelope only the address.
 */
final class MailAddresses {

    private MailAddresses() {
    }

    /**
     * @param written an address as written in the configuration
     * @return the address for MAIL FROM and RCPT TO (RFC 5321 section 4.1.2): what is between angle
     *         brackets if there are any, else what is written
     */
    static String envelope(String written) {
        int open = written.lastIndexOf('<');
        int close = written.lastIndexOf('>');
        if (open >= 0 && close > open) {
            return written.substring(open + 1, close).trim();
        }
        return written.trim();
    }
}
