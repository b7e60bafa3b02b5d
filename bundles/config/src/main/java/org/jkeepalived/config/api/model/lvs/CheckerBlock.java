package org.jkeepalived.config.api.model.lvs;

import java.util.Optional;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.ConfigBlock;

/**
 * A checker block of a real server ({@code TCP_CHECK { ... }}, {@code HTTP_GET { ... }}, ...).
 *
 * <p>When a plugin serves the keyword, {@link #definition()} is what it bound. When none does, the
 * block is kept unbound, so that the health-checking engine can bind it with {@code block} once a
 * plugin for the keyword arrives.
 *
 * @param keyword the checker keyword
 * @param block the block as the plugin sees it: the entries of the common keywords taken out
 * @param settings the common settings, resolved
 * @param definition the plugin's definition, if a plugin served the keyword
 */
public record CheckerBlock(String keyword, ConfigBlock block, CheckerSettings settings,
        Optional<CheckerDefinition> definition) {

    /** @return whether the block still waits for a plugin to bind it */
    public boolean unbound() {
        return definition.isEmpty();
    }

    @Override
    public String toString() {
        return keyword + (unbound() ? " (no plugin)" : "");
    }
}
