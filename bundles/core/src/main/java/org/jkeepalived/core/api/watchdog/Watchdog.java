package org.jkeepalived.core.api.watchdog;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** The watchdog, as a service: whether every supervised loop answers. */
@ProviderType
public interface Watchdog {

    /**
     * @return whether every supervised loop ran its last hello within the deadline, or has one
     *     under way still within it; false while a restart is under way
     */
    boolean healthy();

    /**
     * Posts a task to every supervised loop now.
     *
     * @return completes once every one of them ran it, and so ran what it was given before
     */
    CompletionStage<Void> throughEveryLoop();
}
