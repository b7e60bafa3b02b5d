package org.jkeepalived.healthcheck.internal;

import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.CheckerSettings;
import org.jkeepalived.config.api.model.lvs.RealServer;

/**
 * One checker block of one real server in one configuration. Compared by identity: the engine keys
 * its bookkeeping on the slot; a block that is unchanged on reload gets a new slot that
 * {@linkplain #sameChecker matches} the old one, and the running checker moves over to it.
 */
final class CheckerSlot {

    private final CheckerBlock block;
    private final CheckTarget target;

    /**
     * @param block the block as the configuration binds it
     * @param realServer the real server it checks
     */
    CheckerSlot(CheckerBlock block, RealServer realServer) {
        this.block = block;
        this.target = block.settings().target(realServer.address(), realServer.port());
    }

    CheckerBlock block() {
        return block;
    }

    String keyword() {
        return block.keyword();
    }

    ConfigLocation location() {
        return block.block().location();
    }

    CheckerSettings settings() {
        return block.settings();
    }

    CheckTarget target() {
        return target;
    }

    /**
     * Whether another block checks the same way: same keyword, same entries and same common
     * settings. Where it is written does not matter, and neither does which plugin bound it.
     *
     * @param other a block of the new configuration
     * @return whether the checker of this slot can go on for {@code other}
     */
    boolean sameChecker(CheckerBlock other) {
        return block.keyword().equals(other.keyword()) && block.block().equals(other.block())
                && block.settings().equals(other.settings());
    }

    @Override
    public String toString() {
        return block.keyword() + " " + location().file() + ":" + location().line();
    }
}
