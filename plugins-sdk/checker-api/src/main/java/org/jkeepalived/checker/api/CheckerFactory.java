package org.jkeepalived.checker.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Owns one checker keyword of keepalived.conf and turns its config blocks into checkers.
 *
 * <p>A plugin registers each factory as an OSGi service under this interface. When two registered
 * factories claim the same keyword, the one with the highest service ranking (then the lowest
 * service id) serves it; the others wait and take over if it leaves.
 *
 * <p>The engine reads the keywords that every keepalived checker accepts ({@link
 * CommonCheckerKeywords#ALL}: {@code connect_ip}, {@code connect_timeout}, {@code retry}, ...) itself
 * and hands them to the checker as its {@link CheckTarget}; {@link #bind} sees only the entries that
 * are specific to this keyword.
 *
 * <p>{@link #keyword()}, {@link #subKeywords()} and {@link #bind} must work on an instance made with
 * the public no-argument constructor, without activation: config test runs it outside the container.
 * A plugin registers the factory as a Declarative Services component, which config test finds through
 * the bundle's {@code Service-Component} header.
 */
@ConsumerType
public interface CheckerFactory {

    /**
     * The config keyword this factory owns, exactly as written in keepalived.conf, for example
     * {@code TCP_CHECK}. Must be constant for the lifetime of the service.
     *
     * @return the keyword, never empty
     */
    String keyword();

    /**
     * The sub-keywords this checker accepts inside its block, beyond the common ones. An entry
     * whose keyword is in neither set is reported as unknown, with its location, before
     * {@link #bind} is called.
     *
     * @return the accepted sub-keywords, possibly empty, never {@code null}
     */
    Set<String> subKeywords();

    /**
     * Binds one config block to an immutable definition. Runs when the configuration is loaded or
     * reloaded, never on a checker loop.
     *
     * <p>Every problem found is reported to {@code diagnostics} with the location of the offending
     * entry and one line saying what is wrong and what is expected. A block with errors makes the
     * whole configuration invalid, so the returned definition is then not used.
     *
     * @param block the block, holding only entries whose keyword is in {@link #subKeywords()}
     * @param diagnostics where errors and warnings go
     * @return the definition; never {@code null}, even when errors were reported
     */
    CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics);
}
