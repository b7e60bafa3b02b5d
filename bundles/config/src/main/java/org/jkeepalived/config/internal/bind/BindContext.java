package org.jkeepalived.config.internal.bind;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.internal.DiagnosticCollector;

/**
 * What binders share while binding one configuration: where diagnostics go, the host name that
 * defaults come from, and the checker plugins.
 *
 * @param diagnostics where problems go
 * @param hostName the host name
 * @param checkers the factory serving a checker keyword, if any
 * @param iprouteNames names of route tables, protocols and realms
 * @param unservedCheckers the checker keywords already reported as served by no plugin
 * @param scripts who scripts run as and whether they may, or nothing while global_defs is read
 *                ahead for it
 */
record BindContext(DiagnosticCollector diagnostics, String hostName,
        Function<String, Optional<CheckerFactory>> checkers, IprouteNames iprouteNames, Set<String> unservedCheckers,
        Optional<ScriptPolicy> scripts) {

    /** @return this context, with scripts vetted by {@code policy} */
    BindContext withScripts(Optional<ScriptPolicy> policy) {
        return new BindContext(diagnostics, hostName, checkers, iprouteNames, unservedCheckers, policy);
    }

    /** @return the script as it runs: with its user, refused if enable_script_security refuses it */
    Script vet(Script script, ConfigLocation location) {
        return scripts.map(policy -> policy.vet(script, location, this)).orElse(script);
    }

    void error(ConfigLocation location, String message) {
        diagnostics.error(location, message);
    }

    void warning(ConfigLocation location, String message) {
        diagnostics.warning(location, message);
    }
}
