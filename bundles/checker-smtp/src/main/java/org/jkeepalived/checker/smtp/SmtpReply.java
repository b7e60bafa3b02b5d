package org.jkeepalived.checker.smtp;

import java.util.Optional;

/**
 * One line of an SMTP reply (RFC 5321 section 4.2): a three-digit code, then a hyphen if more
 * lines of the same reply follow, or a space (or nothing) on its last line.
 *
 * @param code the reply code
 * @param last whether this line ends the reply
 * @param text the line as received, for messages
 */
record SmtpReply(int code, boolean last, String text) {

    /**
     * @param line a line without its CR LF
     * @return the reply line, or empty if it does not start with a code
     */
    static Optional<SmtpReply> parse(String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                || !Character.isDigit(line.charAt(2))) {
            return Optional.empty();
        }
        if (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-') {
            return Optional.empty();
        }
        return Optional.of(new SmtpReply(Integer.parseInt(line.substring(0, 3)), line.length() == 3 || line.charAt(3) == ' ', line));
    }
}
