package org.jkeepalived.config.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.config.internal.ConfigReading;
import org.jkeepalived.config.internal.HostName;

/**
 * Reads keepalived.conf into a {@link ConfigResult}: tree, diagnostics and, when valid, the bound
 * configuration. Pure Java: it needs no OSGi framework, so that the offline configuration test and
 * plugin tests can use it. Instances are immutable and may be shared.
 */
public final class ConfigReader {

    private final String configId;
    private final String hostName;
    private final Function<String, Optional<CheckerFactory>> checkers;
    private final RandomGenerator random;

    private ConfigReader(Builder builder) {
        this.configId = builder.configId;
        this.hostName = builder.hostName;
        this.checkers = builder.checkers;
        this.random = builder.random;
    }

    /** @return a builder with the host's defaults: config id and host name from the kernel, no checker plugin */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration file and the files it includes.
     *
     * @param file the file; diagnostics name it as given here
     * @return the result; never throws for a bad file
     */
    public ConfigResult read(Path file) {
        return reading().read(file);
    }

    /**
     * Reads configuration text as if it were the file {@code name}; relative includes start from the
     * current directory.
     *
     * @param name how diagnostics name the text
     * @param text the configuration
     * @return the result; never throws for bad text
     */
    public ConfigResult read(String name, String text) {
        return reading().read(name, text);
    }

    /** @return the config id that {@code @ID} lines are compared with */
    public String configId() {
        return configId;
    }

    private ConfigReading reading() {
        return new ConfigReading(configId, hostName, checkers, random);
    }

    /** Builds a {@link ConfigReader}. */
    public static final class Builder {
        private String configId = HostName.shortName();
        private String hostName = HostName.name();
        private Function<String, Optional<CheckerFactory>> checkers = keyword -> Optional.empty();
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder() {
        }

        /**
         * @param configId the config id for {@code @ID} lines and {@code ${_INSTANCE}} (keepalived's
         *                 {@code -i}; default the host name without its domain)
         * @return this builder
         */
        public Builder configId(String configId) {
            this.configId = Objects.requireNonNull(configId, "configId");
            return this;
        }

        /**
         * @param hostName the host name that router_id, smtp_helo_name and notification_email_from
         *                 default to (default the kernel's host name)
         * @return this builder
         */
        public Builder hostName(String hostName) {
            this.hostName = Objects.requireNonNull(hostName, "hostName");
            return this;
        }

        /**
         * @param checkers the checker plugins: the factory serving a checker keyword, if any
         * @return this builder
         */
        public Builder checkers(Function<String, Optional<CheckerFactory>> checkers) {
            this.checkers = Objects.requireNonNull(checkers, "checkers");
            return this;
        }

        /**
         * @param random the source of {@code ${_RANDOM}} (default a fresh generator)
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** @return the reader */
        public ConfigReader build() {
            return new ConfigReader(this);
        }
    }
}
