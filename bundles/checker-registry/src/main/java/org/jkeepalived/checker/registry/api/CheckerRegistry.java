package org.jkeepalived.checker.registry.api;

import java.util.List;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckerFactory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The checker factories present now. A keyword is served by at most one factory at a time; other
 * factories claiming it stand by and take over, in precedence order, when it leaves.
 *
 * <p>To follow changes, register a {@link CheckerRegistryListener} service.
 */
@ProviderType
public interface CheckerRegistry {

    /**
     * @param keyword a checker keyword, for example {@code HTTP_GET}
     * @return the factory serving it, if any
     */
    Optional<CheckerFactory> factory(String keyword);

    /**
     * @param keyword a checker keyword
     * @return the registration serving it, if any
     */
    Optional<CheckerRegistration> serving(String keyword);

    /**
     * @return every registration, serving or standing by, ordered by keyword and then precedence, so
     *         that the first of each keyword is the one serving it
     */
    List<CheckerRegistration> registrations();
}
