package org.jkeepalived.checker.http.api;

import java.util.Optional;

/**
 * The HTTP version a check speaks, as {@code http_protocol} and genhash's {@code -P} name it.
 * keepalived sends no {@code Connection} header with 1.0 and {@code Connection: close} with 1.0C
 * and 1.1, so that the server closes the connection after the response in every case.
 */
public enum HttpProtocol {

    /** {@code 1.0}: HTTP/1.0, the default. */
    HTTP_1_0("1.0", 0, false),
    /** {@code 1.0C}: HTTP/1.0 with {@code Connection: close}. */
    HTTP_1_0C("1.0C", 0, true),
    /** {@code 1.1}: HTTP/1.1 with {@code Connection: close}. */
    HTTP_1_1("1.1", 1, true);

    private final String keyword;
    private final int minorVersion;
    private final boolean connectionClose;

    HttpProtocol(String keyword, int minorVersion, boolean connectionClose) {
        this.keyword = keyword;
        this.minorVersion = minorVersion;
        this.connectionClose = connectionClose;
    }

    /**
     * @param text {@code 1.0}, {@code 1.0C} (or {@code 1.0c}) or {@code 1.1}
     * @return the protocol, or empty if the text names none
     */
    public static Optional<HttpProtocol> parse(String text) {
        for (HttpProtocol protocol : values()) {
            if (protocol.keyword.equalsIgnoreCase(text)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }

    /** @return the name keepalived.conf uses, for example {@code 1.0C} */
    public String keyword() {
        return keyword;
    }

    /** @return 0 for HTTP/1.0, 1 for HTTP/1.1 */
    public int minorVersion() {
        return minorVersion;
    }

    /** @return whether the request carries {@code Connection: close} */
    public boolean connectionClose() {
        return connectionClose;
    }

    @Override
    public String toString() {
        return keyword;
    }
}
