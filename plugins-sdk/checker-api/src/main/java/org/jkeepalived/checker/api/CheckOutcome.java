package org.jkeepalived.checker.api;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The result of one probe: the target is up or down, why, and optionally a new weight for the real
 * server (as {@code MISC_CHECK} with {@code misc_dynamic} sets it from the script's exit code) or an
 * offset to its configured weight (as {@code FILE_CHECK} adds a file's value times its weight).
 */
public final class CheckOutcome {

    private static final CheckOutcome UP = new CheckOutcome(true, "", -1, null);

    private final boolean up;
    private final String detail;
    private final int weight;
    private final Long weightOffset;

    private CheckOutcome(boolean up, String detail, int weight, Long weightOffset) {
        this.up = up;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.weight = weight;
        this.weightOffset = weightOffset;
    }

    /** @return a successful outcome without detail */
    public static CheckOutcome up() {
        return UP;
    }

    /**
     * @param detail what was seen, for logs (for example the HTTP status)
     * @return a successful outcome
     */
    public static CheckOutcome up(String detail) {
        return new CheckOutcome(true, detail, -1, null);
    }

    /**
     * @param reason one line saying what failed, for logs and alerts (for example
     *               {@code "connection refused"} or {@code "status 503, expected 200"})
     * @return a failed outcome
     */
    public static CheckOutcome down(String reason) {
        return new CheckOutcome(false, reason, -1, null);
    }

    /**
     * Returns this outcome asking the engine to set the real server's weight.
     *
     * @param newWeight the weight, 0 or more
     * @return a new outcome carrying the weight
     */
    public CheckOutcome withWeight(int newWeight) {
        if (newWeight < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + newWeight);
        }
        return new CheckOutcome(up, detail, newWeight, weightOffset);
    }

    /**
     * Returns this outcome asking the engine to add {@code offset} to the real server's configured
     * weight, as keepalived adds each checker's share to a real server's effective weight.
     *
     * @param offset what to add, negative to take away
     * @return a new outcome carrying the offset
     * @since 1.1
     */
    public CheckOutcome withWeightOffset(long offset) {
        return new CheckOutcome(up, detail, weight, offset);
    }

    /** @return whether the target passed the probe */
    public boolean isUp() {
        return up;
    }

    /** @return the detail or failure reason, empty when none was given */
    public String detail() {
        return detail;
    }

    /** @return the weight to set, if the checker asked for one */
    public OptionalInt weight() {
        return weight < 0 ? OptionalInt.empty() : OptionalInt.of(weight);
    }

    /**
     * @return the offset to the configured weight, if the checker gave one
     * @since 1.1
     */
    public OptionalLong weightOffset() {
        return weightOffset == null ? OptionalLong.empty() : OptionalLong.of(weightOffset);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CheckOutcome)) {
            return false;
        }
        CheckOutcome that = (CheckOutcome) other;
        return up == that.up && weight == that.weight && detail.equals(that.detail)
                && Objects.equals(weightOffset, that.weightOffset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(up, detail, weight, weightOffset);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(up ? "UP" : "DOWN");
        if (!detail.isEmpty()) {
            text.append(" (").append(detail).append(')');
        }
        if (weight >= 0) {
            text.append(" weight ").append(weight);
        }
        if (weightOffset != null) {
            text.append(" weight offset ").append(weightOffset);
        }
        return text.toString();
    }
}
