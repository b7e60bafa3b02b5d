package org.jkeepalived.checker.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One keyword line of a config block, with its arguments and, for keywords that open a block of
 * their own (such as {@code url} in {@code HTTP_GET}), the nested block.
 *
 * <p>Arguments are as the user wrote them after include, definition and sequence expansion, with
 * quotes removed.
 */
@ProviderType
public interface ConfigEntry {

    /** @return the keyword */
    String keyword();

    /** @return the arguments after the keyword, possibly empty */
    List<String> arguments();

    /** @return where the keyword is written */
    ConfigLocation location();

    /**
     * Where one argument is written, for diagnostics about that argument.
     *
     * @param index the argument index, from 0
     * @return the location of the argument
     * @throws IndexOutOfBoundsException if there is no such argument
     */
    ConfigLocation argumentLocation(int index);

    /** @return the nested block, if the keyword is followed by {@code { ... }} */
    Optional<ConfigBlock> block();
}
