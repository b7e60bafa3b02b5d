package org.jkeepalived.checker.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A block of keepalived.conf: the keyword that opens it, its location and its entries in the order
 * written.
 */
@ProviderType
public interface ConfigBlock {

    /** @return the keyword that opens the block, for example {@code HTTP_GET} */
    String keyword();

    /** @return where the opening keyword is written */
    ConfigLocation location();

    /** @return the entries of the block, in file order */
    List<ConfigEntry> entries();

    /**
     * @param keyword a sub-keyword
     * @return the last entry with this keyword, which is the one keepalived uses when a keyword is
     *         repeated
     */
    Optional<ConfigEntry> last(String keyword);

    /**
     * @param keyword a sub-keyword
     * @return every entry with this keyword, in file order
     */
    List<ConfigEntry> all(String keyword);
}
