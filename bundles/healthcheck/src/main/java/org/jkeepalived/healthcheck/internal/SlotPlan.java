package org.jkeepalived.healthcheck.internal;

/** What becomes of one checker block of a real server when a configuration is applied. */
sealed interface SlotPlan {

    /** @return the block in the configuration applied */
    CheckerSlot slot();

    /**
     * The block checks as before: its checker goes on, with its state, under the new slot.
     *
     * @param previous the slot of the configuration before
     * @param slot the slot of the configuration applied
     */
    record Kept(CheckerSlot previous, CheckerSlot slot) implements SlotPlan {
    }

    /**
     * A new or changed block: a new checker.
     *
     * @param slot the block
     * @param binding its plugin's definition, or why it cannot run
     */
    record Added(CheckerSlot slot, Binding binding) implements SlotPlan {
    }
}
