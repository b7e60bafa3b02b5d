package org.jkeepalived.checker.http.api;

import java.io.PrintStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * keepalived's genhash: fetches a page as HTTP_GET or SSL_GET would and prints the MD5 digest of its
 * body, the value a {@code url} block's {@code digest} expects. The output is genhash's: the digest
 * alone, or with {@linkplain GenhashRequest#verbose() verbose} the header and body as hexadecimal
 * dumps, the digest, and the response time.
 */
@ProviderType
public interface Genhash {

    /**
     * Fetches the page and prints what genhash prints. Blocks until the page is read or fails.
     *
     * @param request what to fetch
     * @param out where the digest and the dumps go
     * @param err where genhash's errors go
     * @return 0 when a digest was printed, 1 when the page could not be fetched
     */
    int run(GenhashRequest request, PrintStream out, PrintStream err);
}
