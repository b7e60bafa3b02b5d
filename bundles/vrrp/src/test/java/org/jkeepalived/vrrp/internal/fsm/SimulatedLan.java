package org.jkeepalived.vrrp.internal.fsm;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.codec.Advertisement;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;

/**
 * Routers on a virtual clock and a lossless LAN without delay: every advert one sends reaches the
 * others at the same instant. Time is in nanoseconds; nothing runs between events.
 */
final class SimulatedLan {

    static final long MS = 1_000_000;
    static final long SECOND = 1000 * MS;

    private final List<Router> routers = new ArrayList<>();
    private final Deque<Runnable> deliveries = new ArrayDeque<>();
    private long now;

    /** @return the virtual time */
    long now() {
        return now;
    }

    /**
     * @param settings the router's settings
     * @param address its primary address
     * @return the router, not started
     */
    Router add(VrrpSettings settings, String address) {
        Router router = new Router(settings, org.jkeepalived.vrrp.internal.settings.TestSettings.address(address));
        routers.add(router);
        return router;
    }

    /** Runs every timer and delivery up to {@code time}, then sets the clock to it. */
    void runUntil(long time) {
        while (true) {
            drainDeliveries();
            Router next = null;
            for (Router router : routers) {
                if (router.deadline >= 0 && router.deadline <= time && (next == null || router.deadline < next.deadline)) {
                    next = router;
                }
            }
            if (next == null) {
                now = time;
                return;
            }
            now = next.deadline;
            next.deadline = -1;
            next.fsm.timerExpired(now);
        }
    }

    /** Runs for {@code duration} from now. */
    void runFor(long duration) {
        runUntil(now + duration);
    }

    private void drainDeliveries() {
        while (!deliveries.isEmpty()) {
            deliveries.poll().run();
        }
    }

    /** One router: its state machine and what it did. */
    final class Router implements StateMachineActions {

        final VrrpSettings settings;
        final InetAddress address;
        final VrrpStateMachine fsm;
        final List<Long> sentAt = new ArrayList<>();
        final List<Integer> sentPriorities = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final List<Transition> transitions = new ArrayList<>();
        long deadline = -1;
        boolean connected = true;
        boolean partitioned;
        int addressesAdded;
        int addressesRemoved;

        Router(VrrpSettings settings, InetAddress address) {
            this.settings = settings;
            this.address = address;
            this.fsm = new VrrpStateMachine(settings, address, this);
        }

        void start() {
            fsm.start(now);
            drainDeliveries();
        }

        void shutdown() {
            fsm.shutdown(now);
            drainDeliveries();
        }

        /** Starts as the master of a loop that got stuck, which last sent an advert at {@code lastAdvert}. */
        void resumeMaster(long lastAdvert) {
            fsm.resumeMaster(now, lastAdvert);
            drainDeliveries();
        }

        void addressDeleted() {
            fsm.addressDeleted(now);
            drainDeliveries();
        }

        void setFault(boolean fault) {
            fsm.setFault(now, fault);
            drainDeliveries();
        }

        /** Cuts the router off the LAN, or joins it again: adverts neither leave nor reach it meanwhile. */
        void partition(boolean cut) {
            partitioned = cut;
        }

        /** Stops the router like a crash: no advert leaves it, its timers stop. */
        void crash() {
            connected = false;
            deadline = -1;
        }

        VrrpState state() {
            return fsm.state();
        }

        /** @return when the router last entered {@code state}, or -1 */
        long lastEntered(VrrpState state) {
            for (int i = transitions.size() - 1; i >= 0; i--) {
                if (transitions.get(i).to() == state) {
                    return transitions.get(i).at();
                }
            }
            return -1;
        }

        @Override
        public void sendAdvert(int priority) {
            sentAt.add(now);
            sentPriorities.add(priority);
            events.add("advert " + priority);
            if (!connected || partitioned) {
                return;
            }
            Advertisement advert = settings.advertisement().withPriority(priority);
            for (Router other : routers) {
                if (other != this && other.connected && !other.partitioned) {
                    deliveries.add(() -> other.fsm.advertReceived(now, advert, address));
                }
            }
        }

        @Override
        public void becomeMaster() {
            addressesAdded++;
            events.add("add addresses");
        }

        @Override
        public void leaveMaster() {
            addressesRemoved++;
            events.add("remove addresses");
        }

        @Override
        public void scheduleTimer(long deadlineNanos) {
            if (connected) {
                deadline = deadlineNanos;
            }
        }

        @Override
        public void cancelTimer() {
            deadline = -1;
        }

        @Override
        public void lowerPriorityAdvertReceived(InetAddress source, int priority) {
            events.add("lower priority " + priority + " from " + source.getHostAddress());
        }

        @Override
        public void stateChanged(VrrpState previous, VrrpState current) {
            transitions.add(new Transition(now, previous, current));
            events.add(current.name());
        }
    }

    /** A change of state at a time. */
    record Transition(long at, VrrpState from, VrrpState to) {
    }
}
