package org.jkeepalived.netlink.api;

/** What a policy routing rule does when it matches ({@code FR_ACT_}). */
public enum RuleAction {
    /** {@code lookup TABLE}: look the route up in a table. */
    TO_TABLE(1),
    /** {@code goto PRIORITY}: continue with the rule of that priority. */
    GOTO(2),
    /** {@code nop}: nothing. */
    NOP(3),
    /** {@code blackhole}: drop silently. */
    BLACKHOLE(6),
    /** {@code unreachable}: drop with network unreachable. */
    UNREACHABLE(7),
    /** {@code prohibit}: drop with administratively prohibited. */
    PROHIBIT(8);

    private final int value;

    RuleAction(int value) {
        this.value = value;
    }

    /** @return the {@code FR_ACT_} value */
    public int value() {
        return value;
    }

    /**
     * @param value an {@code FR_ACT_} value
     * @return the action, or {@code null} if unknown
     */
    public static RuleAction of(int value) {
        for (RuleAction action : values()) {
            if (action.value == value) {
                return action;
            }
        }
        return null;
    }
}
