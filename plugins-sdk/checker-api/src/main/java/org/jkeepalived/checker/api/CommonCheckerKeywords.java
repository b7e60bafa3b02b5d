package org.jkeepalived.checker.api;

import java.util.Set;

/**
 * The keywords that every checker block of keepalived.conf accepts and that the engine handles
 * itself, whatever the checker: they never reach {@link CheckerFactory#bind}.
 */
public final class CommonCheckerKeywords {

    /**
     * {@code connect_ip}, {@code connect_port}, {@code bindto}, {@code bind_port}, {@code bind_if},
     * {@code connect_timeout}, {@code fwmark}, {@code retry} (and its old spelling
     * {@code nb_get_retry}), {@code delay_before_retry}, {@code warmup}, {@code delay_loop},
     * {@code alpha} and {@code log_all_failures}.
     */
    public static final Set<String> ALL = Set.of(
            "connect_ip", "connect_port", "bindto", "bind_port", "bind_if", "connect_timeout",
            "fwmark", "retry", "nb_get_retry", "delay_before_retry", "warmup", "delay_loop",
            "alpha", "log_all_failures");

    private CommonCheckerKeywords() {
    }
}
