package org.jkeepalived.checker.http.internal;

import java.util.BitSet;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The status codes a url accepts ({@code status_code 200-299 400-499 503}): codes and ranges from
 * 100 to 599, keepalived's bounds; 200-299 when none is given.
 */
final class StatusCodes {

    static final int MIN = 100;
    static final int MAX = 599;
    static final StatusCodes DEFAULT = new StatusCodes(range(200, 299));

    private final BitSet codes;

    private StatusCodes(BitSet codes) {
        this.codes = codes;
    }

    /**
     * Adds a code or a range to a set being built.
     *
     * @param codes the set being built
     * @param text {@code 503} or {@code 200-299}
     * @return whether the text is a code or range within 100-599
     */
    static boolean add(BitSet codes, String text) {
        int dash = text.indexOf('-');
        Optional<Integer> low = code(dash < 0 ? text : text.substring(0, dash));
        Optional<Integer> high = dash < 0 ? low : code(text.substring(dash + 1));
        if (low.isEmpty() || high.isEmpty() || low.get() > high.get()) {
            return false;
        }
        codes.set(low.get(), high.get() + 1);
        return true;
    }

    /**
     * @param codes the codes set by {@link #add}
     * @return the set, or the default if empty
     */
    static StatusCodes of(BitSet codes) {
        return codes.isEmpty() ? DEFAULT : new StatusCodes((BitSet) codes.clone());
    }

    /**
     * @param code a status code
     * @return whether it is accepted
     */
    boolean contains(int code) {
        return code >= MIN && code <= MAX && codes.get(code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusCodes && ((StatusCodes) other).codes.equals(codes);
    }

    @Override
    public int hashCode() {
        return codes.hashCode();
    }

    /** @return the codes as keepalived.conf writes them, for example {@code 200-299 503} */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(" ");
        for (int low = codes.nextSetBit(0); low >= 0; low = codes.nextSetBit(low)) {
            int high = codes.nextClearBit(low) - 1;
            text.add(low == high ? Integer.toString(low) : low + "-" + high);
            low = high + 1;
        }
        return text.toString();
    }

    private static Optional<Integer> code(String text) {
        if (text.length() != 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int code = Integer.parseInt(text);
        return code >= MIN && code <= MAX ? Optional.of(code) : Optional.empty();
    }

    private static BitSet range(int low, int high) {
        BitSet codes = new BitSet();
        codes.set(low, high + 1);
        return codes;
    }
}
