package org.jkeepalived.checker.http.internal;

import java.util.HexFormat;
import java.util.Optional;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * One {@code url} block: the page to get and what its response must be.
 *
 * @param path the path of the request
 * @param digest the MD5 digest the body must have, as 32 lowercase hexadecimal digits, if any
 * @param statusCodes the accepted status codes
 * @param virtualhost the {@code Host} header of this url, over the checker's
 * @param regex what the body must (or must not) match, if anything
 */
record UrlCheck(String path, Optional<String> digest, StatusCodes statusCodes, Optional<String> virtualhost,
        Optional<BodyRegex> regex) {

    /**
     * Judges a response in keepalived's order: status code, then digest, then regex.
     *
     * @param page the response
     * @return why it fails, or empty if it passes
     */
    Optional<String> failure(Page page) {
        if (!statusCodes.contains(page.statusCode())) {
            return Optional.of("status " + page.statusCode() + " " + HttpResponseStatus.valueOf(page.statusCode()).reasonPhrase()
                    + ", expected " + statusCodes);
        }
        String actual = HexFormat.of().formatHex(page.digest());
        if (digest.isPresent() && !digest.get().equals(actual)) {
            return Optional.of("digest " + actual + " of " + page.bodyLength() + " bytes, expected " + digest.get());
        }
        return regex.flatMap(expected -> expected.failure(page.body()));
    }

    /** @return how many bytes of the body the checks need kept */
    int keep() {
        return regex.isPresent() ? BodyRegex.WINDOW : 0;
    }
}
