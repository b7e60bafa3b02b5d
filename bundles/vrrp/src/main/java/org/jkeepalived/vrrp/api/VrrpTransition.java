package org.jkeepalived.vrrp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A VRRP instance or sync group changed state.
 *
 * @param scope whether an instance or a sync group changed
 * @param name the vrrp_instance's or vrrp_sync_group's name
 * @param previous the state left; {@link VrrpState#INITIALIZE} when an instance starts
 * @param current the state entered; {@link VrrpState#INITIALIZE} when an instance or group stops
 * @param priority the instance's configured priority, as notify scripts are given it; 0 for a group
 * @param at when it changed
 */
public record VrrpTransition(Scope scope, String name, VrrpState previous, VrrpState current, int priority, Instant at) {

    public VrrpTransition {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
    }

    /** What changed state. */
    public enum Scope {
        /** A vrrp_instance. */
        INSTANCE,
        /** A vrrp_sync_group, as a whole: it enters the state its members entered. */
        SYNC_GROUP
    }

    @Override
    public String toString() {
        return scope + " " + name + " " + previous + " -> " + current;
    }
}
