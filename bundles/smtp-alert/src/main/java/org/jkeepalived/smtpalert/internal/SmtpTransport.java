package org.jkeepalived.smtpalert.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * Sends one alert through one SMTP conversation (RFC 5321 section 3.3): HELO, MAIL FROM, a RCPT TO for
 * every recipient, DATA, QUIT, as keepalived does. smtp_connect_timeout bounds the connection and
 * every wait for a reply, so a server that accepts and never answers cannot hold the sender.
 */
final class SmtpTransport {

    /**
     * @param settings the server, sender and recipients
     * @param alert the alert
     * @throws IOException if the server cannot be reached, does not answer in time, or refuses a
     *                     command; the message says which and what the server replied
     */
    void send(MailSettings settings, Alert alert) throws IOException {
        SMTPClient client = new SMTPClient(StandardCharsets.UTF_8.name());
        int timeout = Math.toIntExact(Math.max(1, settings.timeout().toMillis()));
        client.setConnectTimeout(timeout);
        client.setDefaultTimeout(timeout);
        try {
            client.connect(settings.host(), settings.port());
            expect(client, SMTPReply.isPositiveCompletion(client.getReplyCode()), "greeting");
            expect(client, client.login(settings.heloName()), "HELO " + settings.heloName());
            String sender = MailAddresses.envelope(settings.from());
            expect(client, client.setSender(sender), "MAIL FROM:<" + sender + ">");
            for (String recipient : settings.recipients()) {
                String address = MailAddresses.envelope(recipient);
                expect(client, client.addRecipient(address), "RCPT TO:<" + address + ">");
            }
            expect(client, client.sendShortMessageData(MailText.compose(settings, alert, ZoneId.systemDefault())),
                    "DATA");
            client.logout();
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }

    private static void expect(SMTPClient client, boolean accepted, String command) throws IOException {
        if (!accepted) {
            throw new IOException(command + " refused: " + client.getReplyString().strip());
        }
    }
}
