package org.jkeepalived.vrrp.internal.fsm;

import java.net.InetAddress;
import java.util.Arrays;

import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.codec.Advertisement;
import org.jkeepalived.vrrp.internal.codec.VrrpVersion;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP instance's state machine: RFC 5798 section 6.4 (RFC 3768 section 6.4 for VRRPv2), with
 * keepalived's FAULT state and its choices where it departs from the RFCs:
 * <ul>
 * <li>a master answers a lower priority advert with an advert of its own, as RFC 9568 section
 *     6.4.3 has it, unless lower_prio_no_advert;</li>
 * <li>preempt_delay holds a higher priority backup back from preempting a lower priority master;</li>
 * <li>two address owners: each gives up priority 255 (254), so that the higher address wins.</li>
 * </ul>
 *
 * <p>The machine is pure: each event carries its time (nanoseconds of one monotonic clock), every
 * decision goes to {@link StateMachineActions}, and adverts reach it already checked by
 * {@link org.jkeepalived.vrrp.internal.codec.AdvertisementReader}. Not thread-safe: one thread
 * feeds it.
 */
public final class VrrpStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpStateMachine.class);

    private static final long NANOS_PER_MICRO = 1000;

    private final VrrpSettings settings;
    private final byte[] primaryAddress;
    private final StateMachineActions actions;
    private final long advertIntervalMicros;

    private VrrpState state = VrrpState.INITIALIZE;
    private int priority;
    private long masterAdverIntervalMicros;
    private long advertDeadline;
    private boolean faulted;
    private boolean preemptDelayStarted;
    /** When a backup last deferred to a master's advert, or 0. */
    private long lastMasterAdvert;
    private long preemptDelayEnd;
    /** A resumed master not yet sure that no backup took over while its loop was stuck. */
    private boolean resuming;

    /**
     * @param settings the instance's settings
     * @param primaryAddress the source address of its adverts, compared with other routers' on a
     *                       priority tie (RFC 5798 section 6.4.3)
     * @param actions what carries out its decisions
     */
    public VrrpStateMachine(VrrpSettings settings, InetAddress primaryAddress, StateMachineActions actions) {
        this.settings = settings;
        this.primaryAddress = primaryAddress.getAddress();
        this.actions = actions;
        this.priority = settings.priority();
        this.advertIntervalMicros = settings.advertIntervalCentiseconds() * VrrpTimers.MICROS_PER_CENTISECOND;
        this.masterAdverIntervalMicros = advertIntervalMicros;
    }

    /** @return the current state */
    public VrrpState state() {
        return state;
    }

    /** @return the priority the instance advertises, its configured one unless it had to give up 255 */
    public int priority() {
        return priority;
    }

    /** @return Master_Adver_Interval in microseconds: the master's interval as a backup learnt it (VRRPv3) */
    public long masterAdverIntervalMicros() {
        return masterAdverIntervalMicros;
    }

    /** @return Skew_Time in microseconds, for the current priority and Master_Adver_Interval */
    public long skewTimeMicros() {
        return VrrpTimers.skewTime(settings.version(), priority, masterAdverIntervalMicros);
    }

    /** @return Master_Down_Interval in microseconds */
    public long masterDownIntervalMicros() {
        return VrrpTimers.masterDownInterval(settings.version(), priority, masterAdverIntervalMicros,
                settings.downTimerAdverts());
    }

    /**
     * Startup (RFC 5798 section 6.4.1): an address owner configured MASTER becomes master at once,
     * another instance configured MASTER waits one interval and the smallest skew, any other one
     * waits Master_Down_Interval as backup. An instance faulted before it starts starts in FAULT.
     *
     * @param now the time
     */
    public void start(long now) {
        if (state != VrrpState.INITIALIZE) {
            throw new IllegalStateException(settings + " has already started");
        }
        if (!settings.preemptDelay().isZero()) {
            // keepalived starts the delay when the instance is configured, so it also holds at startup
            preemptDelayStarted = true;
            preemptDelayEnd = now + settings.preemptDelay().toNanos();
        }
        if (faulted) {
            changeState(VrrpState.FAULT);
        } else if (settings.addressOwner() && settings.startAsMaster()) {
            goToMaster(now);
        } else {
            changeState(VrrpState.BACKUP);
            long wait = settings.startAsMaster()
                    ? masterAdverIntervalMicros + VrrpTimers.minimumSkewTime(settings.version(), masterAdverIntervalMicros)
                    : masterDownIntervalMicros();
            actions.scheduleTimer(now + wait * NANOS_PER_MICRO);
        }
    }

    /**
     * Starts an instance that was master when its loop got stuck and its subsystem was restarted,
     * without handing over or dropping the addresses it still holds, as a fresh start would. Silent
     * for less than the smallest Master_Down_Interval a backup can have (down_timer_adverts advert
     * intervals, before Skew_Time), no backup can have taken over: it adverts at once and stays
     * master. Silent longer, a backup may be master now: it listens for one advert interval and
     * Skew_Time, keeping its addresses, and goes back to BACKUP, removing them, on hearing any other
     * master, whatever its priority, rather than take the addresses back a second time.
     *
     * @param now the time
     * @param lastAdvertSent when the stuck instance last sent an advert, on the same clock
     */
    public void resumeMaster(long now, long lastAdvertSent) {
        if (state != VrrpState.INITIALIZE) {
            throw new IllegalStateException(settings + " has already started");
        }
        long silent = now - lastAdvertSent;
        long safe = settings.downTimerAdverts() * advertIntervalMicros * NANOS_PER_MICRO;
        if (silent < safe) {
            LOG.info("{} resuming as MASTER after {} ms without adverts", settings, silent / 1_000_000);
            goToMaster(now);
            return;
        }
        LOG.info("{} resuming as MASTER after {} ms without adverts: a backup may have taken over; listening before"
                + " advertising", settings, silent / 1_000_000);
        resuming = true;
        changeState(VrrpState.MASTER);
        actions.scheduleTimer(now + (advertIntervalMicros + skewTimeMicros()) * NANOS_PER_MICRO);
    }

    /**
     * The instance's timer fired: as master the Adver_Timer (send an advert), as backup the
     * Master_Down_Timer (become master).
     *
     * @param now the time
     */
    public void timerExpired(long now) {
        if (state == VrrpState.MASTER && resuming) {
            LOG.info("{} heard no other master since it resumed: staying MASTER", settings);
            confirmResumed(now);
        } else if (state == VrrpState.MASTER) {
            actions.sendAdvert(priority);
            // absolute deadlines: a late turn of the loop does not shift the following adverts
            long interval = advertIntervalMicros * NANOS_PER_MICRO;
            advertDeadline += interval;
            if (advertDeadline <= now) {
                advertDeadline += ((now - advertDeadline) / interval + 1) * interval;
            }
            actions.scheduleTimer(advertDeadline);
        } else if (state == VrrpState.BACKUP) {
            if (!actions.mayBecomeMaster()) {
                LOG.info("{} master down timer expired, but another member of the sync group hears a master", settings);
                actions.scheduleTimer(now + masterDownIntervalMicros() * NANOS_PER_MICRO);
                return;
            }
            if (lastMasterAdvert == 0) {
                LOG.info("{} master down timer expired", settings);
            } else {
                // against the interval, how late the loop ran the timer
                LOG.info("{} master down timer expired {} ms after the master's last advert (Master_Down_Interval {} ms)",
                        settings, (now - lastMasterAdvert) / 1_000_000, masterDownIntervalMicros() / 1000);
            }
            goToMaster(now);
        }
    }

    /**
     * An advert that passed every check of the receive path.
     *
     * @param now the time it was received
     * @param advert the advert
     * @param source its IP source, the other router's primary address
     */
    public void advertReceived(long now, Advertisement advert, InetAddress source) {
        if (state == VrrpState.BACKUP) {
            backupReceived(now, advert, source);
        } else if (state == VrrpState.MASTER) {
            masterReceived(now, advert, source);
        }
    }

    /**
     * A tracked object failed (fault) or recovered. In FAULT the instance holds no address, sends
     * nothing and ignores adverts; a master entering FAULT first sends a priority 0 advert.
     *
     * @param now the time
     * @param fault whether the instance is now faulty
     */
    public void setFault(long now, boolean fault) {
        if (fault == faulted) {
            return;
        }
        faulted = fault;
        if (fault) {
            if (state == VrrpState.MASTER) {
                releaseMaster(VrrpState.FAULT);
            } else if (state == VrrpState.BACKUP) {
                actions.cancelTimer();
                changeState(VrrpState.FAULT);
            }
        } else if (state == VrrpState.FAULT) {
            masterAdverIntervalMicros = advertIntervalMicros;
            if (settings.addressOwner() && settings.startAsMaster()) {
                goToMaster(now);
            } else {
                preemptDelayStarted = false;
                changeState(VrrpState.BACKUP);
                actions.scheduleTimer(now + masterDownIntervalMicros() * NANOS_PER_MICRO);
            }
        }
    }

    /**
     * @param now the time
     * @return whether this is a backup that deferred to a master within its Master_Down_Interval
     */
    public boolean hearsMaster(long now) {
        return state == VrrpState.BACKUP && lastMasterAdvert != 0
                && now - lastMasterAdvert < masterDownIntervalMicros() * NANOS_PER_MICRO;
    }

    /**
     * Another member of the instance's sync group became master: a backup follows at once.
     *
     * @param now the time
     */
    public void syncMaster(long now) {
        if (state == VrrpState.BACKUP) {
            LOG.info("{} following its sync group to MASTER", settings);
            goToMaster(now);
        }
    }

    /**
     * Another member of the instance's sync group went back to backup: a master follows at once,
     * and waits a Master_Down_Interval as any backup does.
     *
     * @param now the time
     */
    public void syncBackup(long now) {
        if (state == VrrpState.MASTER) {
            LOG.info("{} following its sync group to BACKUP", settings);
            actions.cancelTimer();
            actions.leaveMaster();
            changeState(VrrpState.BACKUP);
            actions.scheduleTimer(now + masterDownIntervalMicros() * NANOS_PER_MICRO);
        }
    }

    /**
     * One of a master's addresses was deleted by someone else: it goes back to BACKUP with a
     * priority 0 advert, removing the others, and takes over again after Skew_Time unless a higher
     * priority master is heard, which sets the addresses again; as keepalived does.
     *
     * @param now the time
     */
    public void addressDeleted(long now) {
        if (state == VrrpState.MASTER) {
            releaseMaster(VrrpState.BACKUP);
            actions.scheduleTimer(now + skewTimeMicros() * NANOS_PER_MICRO);
        }
    }

    /**
     * Tracking changed the priority (track_script, track_interface and track_file weights). A master
     * says so at once rather than at its next advert, so that a backup that now outranks it
     * preempts without waiting; a backup's next Master_Down_Interval follows the new priority.
     *
     * @param newPriority the priority, 1 to 254
     */
    public void setPriority(int newPriority) {
        if (newPriority == priority) {
            return;
        }
        LOG.info("{} changing effective priority from {} to {}", settings, priority, newPriority);
        priority = newPriority;
        if (state == VrrpState.MASTER && !resuming) {
            actions.sendAdvert(priority);
        }
    }

    /**
     * Shutdown (RFC 5798 sections 6.4.2, 6.4.3): a master sends a priority 0 advert, so that the
     * backup takes over after Skew_Time rather than Master_Down_Interval, and removes its addresses.
     *
     * @param now the time
     */
    public void shutdown(long now) {
        if (state == VrrpState.MASTER) {
            releaseMaster(VrrpState.INITIALIZE);
        } else if (state != VrrpState.INITIALIZE) {
            actions.cancelTimer();
            changeState(VrrpState.INITIALIZE);
        }
    }

    private void backupReceived(long now, Advertisement advert, InetAddress source) {
        int advertised = advert.priority();
        if (advertised == 0) {
            // the master is stopping: take over after Skew_Time (RFC 5798 section 6.4.2)
            actions.scheduleTimer(now + skewTimeMicros() * NANOS_PER_MICRO);
            return;
        }
        if (!settings.preempt() || advertised >= priority || preemptDelayHolds(now)) {
            // a master this backup defers to; one it is about to preempt does not count
            lastMasterAdvert = now;
            if (settings.version() == VrrpVersion.V3) {
                adoptInterval(advert, source);
            }
            actions.scheduleTimer(now + masterDownIntervalMicros() * NANOS_PER_MICRO);
            if (!settings.preemptDelay().isZero()) {
                if (advertised >= priority) {
                    preemptDelayStarted = false;
                } else if (!preemptDelayStarted) {
                    LOG.info("{} lower priority {} master {}: preempting in {}", settings, advertised,
                            source.getHostAddress(), settings.preemptDelay());
                    preemptDelayStarted = true;
                    preemptDelayEnd = now + settings.preemptDelay().toNanos();
                }
            }
        } else {
            // RFC 5798 section 6.4.2: discard, and let Master_Down_Timer run out to preempt
            LOG.info("{} received lower priority ({}) advert from {} - discarding", settings, advertised,
                    source.getHostAddress());
        }
    }

    /** A lower priority master is accepted while preempt_delay runs, or until it first shows up. */
    private boolean preemptDelayHolds(long now) {
        return !settings.preemptDelay().isZero() && (!preemptDelayStarted || preemptDelayEnd - now > 0);
    }

    private void masterReceived(long now, Advertisement advert, InetAddress source) {
        if (resuming) {
            resumingReceived(now, advert, source);
            return;
        }
        int advertised = advert.priority();
        int addressComparison = compareAddresses(source.getAddress(), primaryAddress);
        if (advertised == 0) {
            // another master stopped: assert ourselves at once (RFC 5798 section 6.4.3)
            actions.sendAdvert(priority);
            return;
        }
        if (settings.higherPrioritySendAdvert() && outranks(advertised, addressComparison)) {
            actions.sendAdvert(priority);
        }
        if (advertised == priority && addressComparison == 0) {
            LOG.warn("{} equal priority advert received from another router with our address {}", settings,
                    source.getHostAddress());
        } else if (advertised == priority && priority == VrrpSettings.OWNER_PRIORITY) {
            LOG.error("{} another router at {} is also the address owner (priority 255); lowering ours to 254,"
                    + " fix the configuration", settings, source.getHostAddress());
            priority = VrrpSettings.OWNER_PRIORITY - 1;
        }
        if (outranks(advertised, addressComparison)) {
            LOG.info("{} master received advert from {} with priority {}, ours {}{}", settings,
                    source.getHostAddress(), advertised, priority,
                    advertised == priority ? " and a higher address" : "");
            if (settings.version() == VrrpVersion.V3) {
                adoptInterval(advert, source);
            }
            actions.cancelTimer();
            actions.leaveMaster();
            preemptDelayStarted = false;
            changeState(VrrpState.BACKUP);
            lastMasterAdvert = now;
            actions.scheduleTimer(now + masterDownIntervalMicros() * NANOS_PER_MICRO);
        } else if (addressComparison != 0 || advertised != priority) {
            LOG.info("{} received advert from {} with lower priority {}, ours {}{}", settings,
                    source.getHostAddress(), advertised, priority,
                    settings.lowerPriorityNoAdvert() ? "" : ", forcing new election");
            if (!settings.lowerPriorityNoAdvert()) {
                actions.sendAdvert(priority);
            }
            actions.lowerPriorityAdvertReceived(source, advertised);
        }
    }

    /** A resumed master hears another: it took over while our loop was stuck, and keeps the addresses. */
    private void resumingReceived(long now, Advertisement advert, InetAddress source) {
        if (advert.priority() == 0) {
            // the other master is stopping: nobody to yield to
            confirmResumed(now);
            return;
        }
        LOG.info("{} master {} (priority {}) took over while this instance's loop was stuck: going back to BACKUP",
                settings, source.getHostAddress(), advert.priority());
        if (settings.version() == VrrpVersion.V3) {
            adoptInterval(advert, source);
        }
        actions.cancelTimer();
        actions.leaveMaster();
        changeState(VrrpState.BACKUP);
        lastMasterAdvert = now;
        actions.scheduleTimer(now + masterDownIntervalMicros() * NANOS_PER_MICRO);
    }

    private void confirmResumed(long now) {
        resuming = false;
        // the addresses are set already; announcing them again refreshes the neighbours' caches
        actions.sendAdvert(priority);
        actions.becomeMaster();
        advertDeadline = now + advertIntervalMicros * NANOS_PER_MICRO;
        actions.scheduleTimer(advertDeadline);
    }

    /** Whether the sender wins the election: a higher priority, or the same and a higher address (RFC 5798 section 6.4.3). */
    private boolean outranks(int advertised, int addressComparison) {
        return advertised > priority || (advertised == priority && addressComparison > 0);
    }

    /** RFC 5798 section 6.4.2: a backup takes the master's interval as Master_Adver_Interval. */
    private void adoptInterval(Advertisement advert, InetAddress source) {
        long interval = advert.advertIntervalCentiseconds() * VrrpTimers.MICROS_PER_CENTISECOND;
        // an interval of 0 is outside the protocol (RFC 5798 section 5.2.7) and would expire the timer at once
        if (interval > 0 && interval != masterAdverIntervalMicros) {
            LOG.info("{} advert interval {} ms learnt from master {}", settings, interval / 1000, source.getHostAddress());
            masterAdverIntervalMicros = interval;
        }
    }

    private void goToMaster(long now) {
        masterAdverIntervalMicros = advertIntervalMicros;
        // the advert first: the old master hears of us before our announcements (vrrp_state_master_tx())
        actions.sendAdvert(priority);
        actions.becomeMaster();
        changeState(VrrpState.MASTER);
        advertDeadline = now + advertIntervalMicros * NANOS_PER_MICRO;
        actions.scheduleTimer(advertDeadline);
    }

    private void releaseMaster(VrrpState next) {
        actions.cancelTimer();
        actions.sendAdvert(0);
        actions.leaveMaster();
        changeState(next);
    }

    private void changeState(VrrpState next) {
        VrrpState previous = state;
        state = next;
        if (next != VrrpState.MASTER) {
            resuming = false;
        }
        LOG.info("{} Entering {} STATE", settings, next);
        actions.stateChanged(previous, next);
    }

    /** As keepalived compares them: address bytes in network order, unsigned; families never tie-break. */
    private static int compareAddresses(byte[] theirs, byte[] ours) {
        if (theirs.length != ours.length) {
            return 0;
        }
        return Arrays.compareUnsigned(theirs, ours);
    }
}
