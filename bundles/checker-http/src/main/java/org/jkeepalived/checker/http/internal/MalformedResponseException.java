package org.jkeepalived.checker.http.internal;

/** A response that is not HTTP: no status code, or a header without end. */
final class MalformedResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message, null, false, false);
    }
}
