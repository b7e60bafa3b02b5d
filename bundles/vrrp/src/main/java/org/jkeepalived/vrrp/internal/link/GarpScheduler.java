package org.jkeepalived.vrrp.internal.link;

import java.util.function.Function;

import org.jkeepalived.config.api.model.vrrp.GarpSettings;
import org.jkeepalived.core.api.loop.LoopTimer;

/**
 * When a master announces its addresses, as keepalived times it: a burst of garp_master_repeat
 * rounds on becoming master and another garp_master_delay later, a burst of
 * garp_master_refresh_repeat every garp_master_refresh while master, on a lower priority advert
 * a burst of garp_lower_prio_repeat now and another garp_lower_prio_delay later, and with
 * garp_extra_if a refresh of the extra interfaces every interval while master.
 */
public final class GarpScheduler {

    /** Sends one round of announcements. */
    @FunctionalInterface
    public interface Announcer {
        void announce();
    }

    private final GarpSettings settings;
    private final Announcer announcer;
    private final Announcer extraInterfaces;
    private final LoopTimer masterDelay;
    private final LoopTimer refresh;
    private final LoopTimer lowerPriorityDelay;
    private final LoopTimer extraRefresh;

    /**
     * @param settings the instance's garp_* settings
     * @param announcer what sends a round: one message per address
     * @param extraInterfaces what refreshes the interfaces garp_extra_if names: one message per interface
     * @param timers makes the timers, such as {@code loop::newTimer}
     */
    public GarpScheduler(GarpSettings settings, Announcer announcer, Announcer extraInterfaces,
            Function<Runnable, LoopTimer> timers) {
        this.settings = settings;
        this.announcer = announcer;
        this.extraInterfaces = extraInterfaces;
        this.masterDelay = timers.apply(() -> burst(settings.masterRepeat()));
        this.refresh = timers.apply(this::refresh);
        this.lowerPriorityDelay = timers.apply(() -> burst(settings.lowerPrioRepeat()));
        this.extraRefresh = timers.apply(this::refreshExtraInterfaces);
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
        // the burst announced on every interface: the first refresh is one interval on
        settings.extraInterfaces().ifPresent(extra -> extraRefresh.scheduleAfter(extra.interval().toNanos()));
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
        extraRefresh.cancel();
    }

    private void refresh() {
        burst(settings.masterRefreshRepeat());
        refresh.scheduleAt(refresh.deadline() + settings.masterRefresh().toNanos());
    }

    private void refreshExtraInterfaces() {
        extraInterfaces.announce();
        extraRefresh.scheduleAt(extraRefresh.deadline() + settings.extraInterfaces().orElseThrow().interval().toNanos());
    }

    private void burst(int rounds) {
        for (int i = 0; i < rounds; i++) {
            announcer.announce();
        }
    }
}
