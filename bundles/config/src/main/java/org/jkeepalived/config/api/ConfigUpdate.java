package org.jkeepalived.config.api;

import java.util.Optional;

import org.jkeepalived.config.api.model.KeepalivedConfig;

/**
 * A configuration that was applied, and the one it replaced.
 *
 * @param previous the configuration before, empty for the first one
 * @param current the configuration now
 * @param generation counts the configurations applied, from 1
 */
public record ConfigUpdate(Optional<KeepalivedConfig> previous, KeepalivedConfig current, long generation) {
}
