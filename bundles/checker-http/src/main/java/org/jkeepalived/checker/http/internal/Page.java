package org.jkeepalived.checker.http.internal;

/**
 * A page as read: the status code, the MD5 digest of the body and its first bytes, for the regex.
 *
 * @param statusCode the status code of the response
 * @param digest the MD5 digest of the body as received, 16 bytes
 * @param body the first bytes of the body, at most what the request asked to keep
 * @param bodyLength how many bytes the body had
 */
record Page(int statusCode, byte[] digest, byte[] body, long bodyLength) implements FetchResult {
}
