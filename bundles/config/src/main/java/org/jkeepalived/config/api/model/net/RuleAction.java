package org.jkeepalived.config.api.model.net;

/** What a rule does when it matches, as {@code ip rule} names it. */
public enum RuleAction {
    /** Look the destination up in the rule's table (the default). */
    TABLE,
    /** Go on with the rule of the goto preference. */
    GOTO,
    /** Nothing. */
    NOP,
    /** Drop silently. */
    BLACKHOLE,
    /** Drop with ICMP unreachable. */
    UNREACHABLE,
    /** Drop with ICMP prohibited. */
    PROHIBIT
}
