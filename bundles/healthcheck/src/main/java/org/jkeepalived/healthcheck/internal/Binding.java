package org.jkeepalived.healthcheck.internal;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.registry.api.CheckerRegistration;

/** What binding a checker block with the plugin serving its keyword gave. */
sealed interface Binding {

    /**
     * The plugin bound the block.
     *
     * @param definition what it bound
     * @param registration the plugin that bound it, which runs the checks until it leaves
     */
    record Bound(CheckerDefinition definition, CheckerRegistration registration) implements Binding {
    }

    /**
     * The block cannot run now.
     *
     * @param reason why, for example {@code checker HTTP_GET not loaded}
     */
    record Unbound(String reason) implements Binding {
    }
}
