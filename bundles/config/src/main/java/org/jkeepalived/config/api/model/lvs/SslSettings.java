package org.jkeepalived.config.api.model.lvs;

import java.util.Optional;

/**
 * The top-level SSL block that SSL_GET checkers use; without it they make their own context.
 *
 * @param password password: of the key
 * @param ca ca: the CA file
 * @param certificate certificate: the certificate file
 * @param key key: the key file
 */
public record SslSettings(Optional<String> password, Optional<String> ca, Optional<String> certificate,
        Optional<String> key) {
}
