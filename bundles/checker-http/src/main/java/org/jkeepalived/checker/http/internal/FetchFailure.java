package org.jkeepalived.checker.http.internal;

/**
 * Why a page could not be read, with the line keepalived's genhash prints for it.
 *
 * @param kind the step that failed
 * @param detail what happened, for logs
 */
record FetchFailure(Kind kind, String detail) implements FetchResult {

    /** The steps of a fetch that can fail. */
    enum Kind {
        /** The connection was refused or could not be made. */
        CONNECT("Connection failed"),
        /** The connection did not complete in time. */
        CONNECT_TIMEOUT("Timeout connecting"),
        /** The TLS handshake failed or did not complete in time. */
        TLS("SSL handshake/communication error connecting to"),
        /** Connected, but no byte of the response came in time. */
        NO_RESPONSE("Timeout WEB read"),
        /** The response started, then stopped before it was complete. */
        STALLED("Timeout HTTP read"),
        /** The server closed the connection before the end of the header. */
        NO_DATA("no data received from remote webserver"),
        /** Reading failed, for example the server reset the connection. */
        READ_ERROR("Read error with"),
        /** The response is not HTTP. */
        MALFORMED("Read error with");

        private final String genhashLine;

        Kind(String genhashLine) {
            this.genhashLine = genhashLine;
        }

        /** @return what keepalived's genhash prints for this failure */
        String genhashLine() {
            return genhashLine;
        }
    }

    @Override
    public String toString() {
        return detail;
    }
}
