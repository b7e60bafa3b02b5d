package org.jkeepalived.vrrp.internal.fsm;

import java.net.InetAddress;

import org.jkeepalived.vrrp.api.VrrpState;

/**
 * What the state machine decides, carried out by its owner: the sockets, the timer of the event
 * loop, the addresses. Called on the thread that feeds the state machine.
 */
public interface StateMachineActions {

    /**
     * Sends an advert to the group or to every unicast peer.
     *
     * @param priority the priority to advertise: the instance's, or 0 when it stops being master
     */
    void sendAdvert(int priority);

    /**
     * The instance became master: add its virtual addresses and announce them (gratuitous ARP,
     * unsolicited NA). Called after the first advert went out, so that the previous master has
     * heard of us before the announcements (keepalived's {@code vrrp_state_master_tx()}).
     */
    void becomeMaster();

    /** The instance stopped being master, for backup, fault or shutdown: remove its virtual addresses. */
    void leaveMaster();

    /**
     * Arms the instance's one timer: Adver_Timer as master, Master_Down_Timer as backup. The owner
     * calls {@link VrrpStateMachine#timerExpired} when it fires.
     *
     * @param deadlineNanos the deadline on the clock of the events' timestamps
     */
    void scheduleTimer(long deadlineNanos);

    /** Disarms the timer. */
    void cancelTimer();

    /**
     * A master received an advert of lower priority and answered it: the time for keepalived's
     * garp_lower_prio_repeat and notify_master_rx_lower_pri.
     *
     * @param source the other router
     * @param priority its priority
     */
    void lowerPriorityAdvertReceived(InetAddress source, int priority);

    /**
     * @param previous the state left
     * @param current the state entered
     */
    void stateChanged(VrrpState previous, VrrpState current);

    /**
     * Whether a backup whose Master_Down_Timer expired may become master now. An instance of a
     * sync group may not while another member still hears a master, or the group would split
     * between two routers.
     *
     * @return whether it may
     */
    default boolean mayBecomeMaster() {
        return true;
    }
}
