package org.jkeepalived.config.api;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running configuration: the file named by the framework property
 * {@code jkeepalived.config.file}, read at start and on reload. A file with errors changes nothing:
 * the previous configuration keeps running, and every diagnostic is logged.
 */
@ProviderType
public interface ConfigService {

    /** @return the configuration file */
    Path configFile();

    /** @return the config id that {@code @ID} lines are compared with */
    String configId();

    /** @return the result that was last applied, if any configuration was valid so far */
    Optional<ConfigResult> current();

    /**
     * @return how many configurations were applied, from 1, as {@link ConfigUpdate#generation()}
     *         counts them; 0 while none was
     */
    long generation();

    /**
     * Reads a file as the running configuration would be read, without applying it.
     *
     * @param file the file
     * @return what reading it gave
     */
    ConfigResult validate(Path file);

    /**
     * Reads the configuration file again and, if it has no error, applies it and tells the
     * {@link ConfigListener}s.
     *
     * @return what reading it gave
     */
    ConfigResult reload();
}
