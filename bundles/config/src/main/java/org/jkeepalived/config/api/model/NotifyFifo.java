package org.jkeepalived.config.api.model;

import java.util.Optional;

/**
 * A FIFO that state changes are written to, one line each ({@code INSTANCE "VI_1" MASTER 100}), and
 * the script that reads it.
 *
 * @param path the FIFO
 * @param user owner of the FIFO, if given
 * @param group group of the FIFO, if given
 * @param script the script started to read the FIFO, which gets its path as last argument
 */
public record NotifyFifo(String path, Optional<String> user, Optional<String> group, Optional<Script> script) {
}
