package org.jkeepalived.config.api.model.net;

/**
 * A range of numbers, both ends included, as the sport, dport and uidrange of a rule.
 *
 * @param first the first number
 * @param last the last number, at least {@code first}
 */
public record PortRange(long first, long last) {

    public PortRange {
        if (last < first) {
            throw new IllegalArgumentException("range " + first + "-" + last + " ends before it starts");
        }
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + "-" + last;
    }
}
