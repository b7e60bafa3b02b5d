/**
 * The health checker service interface of jkeepalived.
 *
 * <p>A checker plugin is an OSGi bundle that registers one {@link org.jkeepalived.checker.api.CheckerFactory}
 * service per keepalived.conf keyword it owns ({@code TCP_CHECK}, {@code HTTP_GET}, {@code REDIS_CHECK}, ...).
 * The platform finds the factory by its keyword, lets it {@linkplain
 * org.jkeepalived.checker.api.CheckerFactory#bind bind} every config block carrying that keyword into a
 * {@link org.jkeepalived.checker.api.CheckerDefinition}, and creates one
 * {@link org.jkeepalived.checker.api.Checker} per real server from it. The engine decides when a check
 * runs, how long it may take and how many failures make a real server down; a checker only answers
 * "is this one target healthy now", asynchronously.
 *
 * <p>Versioning follows OSGi semantic versioning. Types marked {@code @ConsumerType} are implemented
 * by plugins: any change to them is a major version change. Types marked {@code @ProviderType} are
 * implemented by the platform: methods may be added to them in a minor version.
 */
@Export
@Version("1.1.0")
package org.jkeepalived.checker.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
