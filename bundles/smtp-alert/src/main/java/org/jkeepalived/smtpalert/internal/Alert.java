package org.jkeepalived.smtpalert.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert to mail.
 *
 * @param subject the Subject line, for example {@code [lb1] VRRP Instance VI_1 - Entering MASTER state}
 * @param body the text of the mail
 * @param at when the change it tells of happened: the mail's Date
 */
record Alert(String subject, String body, Instant at) {

    Alert {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }
}
