package org.jkeepalived.vrrp.internal.link;

import java.util.function.Function;

import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.core.api.loop.LoopTimer;

/**
 * When a master announces its addresses, as keepalived times it: a burst of garp_master_repeat
 * rounds on becoming master and another garp_master_delay later, a burst of
 * garp_master_refresh_repeat every garp_master_refresh while master, and on a lower priority advert
 * a burst of garp_lower_prio_repeat now and another garp_lower_prio_delay later.
 */
public final class GarpScheduler {

    /** Sends one round of announcements: one message per address. */
    @FunctionalInterface
    public interface Announcer {
        void announce();
    }

    private final GarpSettings settings;
    private final Announcer announcer;
    private final LoopTimer masterDelay;
    private final LoopTimer refresh;
    private final LoopTimer lowerPriorityDelay;

    /**
     * @param settings the instance's garp_* settings
     * @param announcer what sends a round
     * @param timers makes the timers, such as {@code loop::newTimer}
     */
    public GarpScheduler(GarpSettings settings, Announcer announcer, Function<Runnable, LoopTimer> timers) {
        this.settings = settings;
        this.announcer = announcer;
        this.masterDelay = timers.apply(() -> burst(settings.masterRepeat()));
        this.refresh = timers.apply(this::refresh);
        this.lowerPriorityDelay = timers.apply(() -> burst(settings.lowerPrioRepeat()));
    }

    /** The instance became master and its addresses are set. */
    public void becameMaster() {
        burst(settings.masterRepeat());
        if (!settings.masterDelay().isZero()) {
            masterDelay.scheduleAfter(settings.masterDelay().toNanos());
        }
        if (!settings.masterRefresh().isZero()) {
            refresh.scheduleAfter(settings.masterRefresh().toNanos());
        }
    }

    /** The master answered a lower priority advert: the other router may have taken the addresses. */
    public void lowerPriorityAdvertReceived() {
        if (settings.lowerPrioRepeat() == 0) {
            return;
        }
        burst(settings.lowerPrioRepeat());
        if (!settings.lowerPrioDelay().isZero()) {
            lowerPriorityDelay.scheduleAfter(settings.lowerPrioDelay().toNanos());
        }
    }

    /** The instance left master: nothing more is announced. */
    public void leftMaster() {
        masterDelay.cancel();
        refresh.cancel();
        lowerPriorityDelay.cancel();
    }

    private void refresh() {
        burst(settings.masterRefreshRepeat());
        refresh.scheduleAt(refresh.deadline() + settings.masterRefresh().toNanos());
    }

    private void burst(int rounds) {
        for (int i = 0; i < rounds; i++) {
            announcer.announce();
        }
    }
}
