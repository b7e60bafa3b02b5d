package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds checker blocks with the plugin that serves their keyword now. The configuration bound them
 * when it was read, with whichever plugin served then; the engine binds them again when their checks
 * start, so that it knows which plugin runs each check and can stop them when that plugin leaves.
 */
final class CheckerBinder {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerBinder.class);

    /** The plugin serving a keyword. */
    record Served(CheckerRegistration registration, CheckerFactory factory) {
    }

    private final CheckerRegistry registry;

    CheckerBinder(CheckerRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param keyword a checker keyword
     * @return the plugin serving it now, if one does
     */
    Optional<Served> serving(String keyword) {
        return registry.serving(keyword)
                .flatMap(registration -> registry.factory(keyword).map(factory -> new Served(registration, factory)));
    }

    /**
     * @param slot a checker block
     * @return the binding with the plugin serving its keyword, or why there is none
     */
    Binding bind(CheckerSlot slot) {
        return serving(slot.keyword())
                .map(served -> bind(slot, served))
                .orElseGet(() -> new Binding.Unbound(notLoaded(slot.keyword())));
    }

    /**
     * @param slot a checker block
     * @param served the plugin to bind it with
     * @return the binding, or why the plugin refused the block
     */
    Binding bind(CheckerSlot slot, Served served) {
        Collected diagnostics = new Collected();
        CheckerDefinition definition;
        try {
            definition = served.factory().bind(slot.block().block(), diagnostics);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{}: the {} plugin {} failed on this block", slot.location(), slot.keyword(),
                    served.registration().origin(), e);
            return new Binding.Unbound(slot.keyword() + " plugin " + served.registration().origin() + " failed: " + e);
        }
        if (!diagnostics.errors.isEmpty() || definition == null) {
            String why = diagnostics.errors.isEmpty() ? "it bound the block to nothing" : String.join("; ", diagnostics.errors);
            LOG.error("{}: the {} plugin {} refused this block: {}", slot.location(), slot.keyword(),
                    served.registration().origin(), why);
            return new Binding.Unbound(slot.keyword() + " plugin " + served.registration().origin() + " refused the block: " + why);
        }
        return new Binding.Bound(definition, served.registration());
    }

    /**
     * @param keyword a checker keyword
     * @return what the snapshot says of a block that no plugin serves
     */
    static String notLoaded(String keyword) {
        return "checker " + keyword + " not loaded";
    }

    /** The plugin may find the block wrong now, if it changed since the configuration was read. */
    private static final class Collected implements Diagnostics {
        private final List<String> errors = new ArrayList<>();

        @Override
        public void error(ConfigLocation location, String message) {
            errors.add(location + ": " + message);
        }

        @Override
        public void warning(ConfigLocation location, String message) {
            // The configuration reported its warnings when it was read.
        }
    }
}
