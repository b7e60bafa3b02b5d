package org.jkeepalived.checker.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a checker connects: the real server's address or the block's {@code connect_ip} and
 * {@code connect_port}, the source given by {@code bindto}, {@code bind_port} and {@code bind_if},
 * the {@code fwmark} to set on outgoing packets and the {@code connect_timeout}.
 *
 * <p>Instances are immutable and built with {@link #builder(InetSocketAddress)}.
 */
public final class CheckTarget {

    private final InetSocketAddress address;
    private final InetSocketAddress bindAddress;
    private final String bindInterface;
    private final int fwmark;
    private final Duration connectTimeout;
    private final Duration delayLoop;

    private CheckTarget(Builder builder) {
        this.address = builder.address;
        this.bindAddress = builder.bindAddress;
        this.bindInterface = builder.bindInterface;
        this.fwmark = builder.fwmark;
        this.connectTimeout = builder.connectTimeout;
        this.delayLoop = builder.delayLoop;
    }

    /**
     * Starts a target that connects to {@code address}.
     *
     * @param address the address and port to check
     * @return a builder with keepalived's defaults: no source binding, no fwmark, 5 s timeout, 60 s delay loop
     */
    public static Builder builder(InetSocketAddress address) {
        return new Builder(address);
    }

    /** @return the address and port to connect to */
    public InetSocketAddress address() {
        return address;
    }

    /** @return the local address and port to bind to, if the block set {@code bindto}/{@code bind_port} */
    public Optional<InetSocketAddress> bindAddress() {
        return Optional.ofNullable(bindAddress);
    }

    /** @return the interface to bind to, if the block set {@code bind_if} */
    public Optional<String> bindInterface() {
        return Optional.ofNullable(bindInterface);
    }

    /** @return the firewall mark for outgoing packets, 0 for none */
    public int fwmark() {
        return fwmark;
    }

    /** @return how long connecting may take before the probe fails */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The time between two probes. keepalived bounds a {@code MISC_CHECK} without {@code misc_timeout}
     * by it.
     *
     * @return the delay_loop
     * @since 1.1
     */
    public Duration delayLoop() {
        return delayLoop;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CheckTarget)) {
            return false;
        }
        CheckTarget that = (CheckTarget) other;
        return fwmark == that.fwmark
                && address.equals(that.address)
                && Objects.equals(bindAddress, that.bindAddress)
                && Objects.equals(bindInterface, that.bindInterface)
                && connectTimeout.equals(that.connectTimeout)
                && delayLoop.equals(that.delayLoop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, bindAddress, bindInterface, fwmark, connectTimeout, delayLoop);
    }

    @Override
    public String toString() {
        return "[" + address.getHostString() + "]:" + address.getPort();
    }

    /** Builds a {@link CheckTarget}. */
    public static final class Builder {
        private final InetSocketAddress address;
        private InetSocketAddress bindAddress;
        private String bindInterface;
        private int fwmark;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration delayLoop = Duration.ofSeconds(60);

        private Builder(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
        }

        /**
         * @param bindAddress local source address and port, or {@code null} for the kernel's choice
         * @return this builder
         */
        public Builder bindAddress(InetSocketAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * @param bindInterface interface name to bind to, or {@code null} for none
         * @return this builder
         */
        public Builder bindInterface(String bindInterface) {
            this.bindInterface = bindInterface;
            return this;
        }

        /**
         * @param fwmark firewall mark, 0 for none
         * @return this builder
         */
        public Builder fwmark(int fwmark) {
            this.fwmark = fwmark;
            return this;
        }

        /**
         * @param connectTimeout positive connect timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * @param delayLoop positive time between two probes
         * @return this builder
         * @since 1.1
         */
        public Builder delayLoop(Duration delayLoop) {
            if (delayLoop.isNegative() || delayLoop.isZero()) {
                throw new IllegalArgumentException("delay loop must be positive: " + delayLoop);
            }
            this.delayLoop = delayLoop;
            return this;
        }

        /** @return the target */
        public CheckTarget build() {
            return new CheckTarget(this);
        }
    }
}
