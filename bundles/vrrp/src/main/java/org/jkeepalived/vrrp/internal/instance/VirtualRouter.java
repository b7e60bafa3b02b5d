package org.jkeepalived.vrrp.internal.instance;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.config.api.model.net.IpFamily;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.LoopTimer;
import org.jkeepalived.vrrp.api.DropReason;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.codec.AdvertisementReader;
import org.jkeepalived.vrrp.internal.codec.AdvertisementWriter;
import org.jkeepalived.vrrp.internal.codec.AuthType;
import org.jkeepalived.vrrp.internal.codec.AuthenticationHeader;
import org.jkeepalived.vrrp.internal.codec.ChecksumRule;
import org.jkeepalived.vrrp.internal.codec.ReadResult;
import org.jkeepalived.vrrp.internal.fsm.StateMachineActions;
import org.jkeepalived.vrrp.internal.fsm.VrrpStateMachine;
import org.jkeepalived.vrrp.internal.link.GarpScheduler;
import org.jkeepalived.vrrp.internal.net.AdvertSender;
import org.jkeepalived.vrrp.internal.net.ChannelKey;
import org.jkeepalived.vrrp.internal.net.ChannelMember;
import org.jkeepalived.vrrp.internal.net.InterfaceInfo;
import org.jkeepalived.vrrp.internal.net.LinkAnnouncer;
import org.jkeepalived.vrrp.internal.net.ReceivedPacket;
import org.jkeepalived.vrrp.internal.net.VrrpChannel;
import org.jkeepalived.vrrp.internal.net.VrrpChannels;
import org.jkeepalived.vrrp.internal.settings.AnnouncementSpacing;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running VRRP instance: its {@link VrrpStateMachine} fed by its channel and its timer, sending
 * through an {@link AdvertSender}, announcing its addresses through a {@link GarpScheduler}, and
 * telling a {@link VirtualRouterListener} when addresses must be set or removed.
 *
 * <p>Everything happens on the event loop of its channels. The public methods may be called from any
 * thread: they run on the loop. Running an instance of keepalived.conf, on the VRRP loop:
 *
 * <pre>{@code
 * VrrpChannels channels = new VrrpChannels(loop);            // one per loop, shared by its instances
 * VrrpSettings settings = VrrpSettingsMapper.map(vrrpInstance, VmacNames.of(config.vrrpInstances(), "vrrp"), AnnouncementSpacing.NONE);
 * Optional<InterfaceInfo> link = settings.interfaceName().map(InterfaceInfo::lookup);
 * VirtualRouter router = VirtualRouter.create(settings, channels, link, announced, listener);  // announced: addresses by interface
 * router.start();
 * ...
 * router.setFault(true);                                     // tracking decides
 * router.close();                                            // priority 0 advert if master, leaves the channel
 * }</pre>
 */
public final class VirtualRouter implements ChannelMember, StateMachineActions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualRouter.class);

    /** Drops of one reason are logged at most this often, as a flood of bad packets must not flood the log. */
    private static final long DROP_LOG_INTERVAL = 10_000_000_000L;

    private final VrrpSettings settings;
    private final VrrpChannels channels;
    private final VrrpChannel channel;
    private final EventLoop loop;
    private final VirtualRouterListener listener;
    private final InetAddress source;
    /** auth_type AH: signs the adverts and checks those received, with one sequence number; else null. */
    private final AuthenticationHeader authenticationHeader;
    private final VrrpStateMachine fsm;
    private final AdvertSender sender;
    private final LoopTimer timer;
    /** One per interface that has addresses of the instance. */
    private final List<LinkAnnouncer> announcers;
    private final Optional<GarpScheduler> garp;
    private final InstanceStatistics statistics = new InstanceStatistics();
    private final Map<DropReason, Long> dropLogged = new EnumMap<>(DropReason.class);
    private AdvertisementReader reader;
    private InetAddress lastMaster;
    private volatile VrrpState state = VrrpState.INITIALIZE;
    private Instant lastTransition = Instant.now();
    /** When the last advert went out, on the loop's clock; read by a restart when the loop is stuck. */
    private volatile long lastAdvertSent;
    private boolean closed;

    private VirtualRouter(VrrpSettings settings, VrrpChannels channels, Optional<InterfaceInfo> link,
            AnnouncedAddresses announced, InetAddress source, VirtualRouterListener listener) {
        this.settings = settings;
        this.channels = channels;
        this.loop = channels.loop();
        this.listener = listener;
        this.source = source;
        this.authenticationHeader = settings.authType() == AuthType.AH
                ? new AuthenticationHeader(settings.authData(), settings.unicast()) : null;
        this.channel = channels.acquire(ChannelKey.of(settings, source));
        this.fsm = new VrrpStateMachine(settings, source, this);
        this.reader = new AdvertisementReader(settings.receiveRules(), authenticationHeader);
        this.sender = new AdvertSender(settings.name(), channel.sendSocket(), writer(settings.checksumRule()),
                settings.destinations(), source, settings.unicastTtl());
        this.timer = loop.newTimer(() -> fsm.timerExpired(loop.nanoTime()));
        this.announcers = announcers(settings, channels, announced);
        this.garp = announcers.isEmpty() ? Optional.empty() : Optional.of(garpScheduler(settings, announcers, loop));
        channel.register(settings.virtualRouterId(), this);
    }

    /**
     * Creates an instance on the loop of {@code channels}, not started. Called on that loop's thread,
     * which is in the network namespace of the interface.
     *
     * @param settings the instance's settings
     * @param channels the channels of the loop, shared with the other instances
     * @param link the instance's interface (absent only for a unicast instance without one): its
     *             addresses are the default advert source, and its MAC address goes in the announcements;
     *             with use_vmac its VMAC must exist: adverts go out and come in on it unless vmac_xmit_base
     * @param announced the addresses it announces as master, by interface; on each interface as from
     *                  that interface's MAC address (with use_vmac, the VMAC's is the virtual router's)
     * @param listener what sets and removes the virtual addresses
     * @return the instance
     * @throws IllegalStateException naming the instance, if no source address can be found or the
     *         channel cannot be opened
     */
    public static VirtualRouter create(VrrpSettings settings, VrrpChannels channels, Optional<InterfaceInfo> link,
            AnnouncedAddresses announced, VirtualRouterListener listener) {
        if (!channels.loop().inEventLoop()) {
            throw new IllegalStateException(settings + " must be created on its event loop " + channels.loop().name());
        }
        return new VirtualRouter(settings, channels, link, announced, sourceAddress(settings, link), listener);
    }

    /** An announcer for each interface; one whose interface is missing is said and left out, the others announce. */
    private static List<LinkAnnouncer> announcers(VrrpSettings settings, VrrpChannels channels, AnnouncedAddresses announced) {
        List<LinkAnnouncer> announcers = new ArrayList<>();
        announced.byInterface().forEach((name, addresses) -> {
            InterfaceInfo link;
            try {
                link = InterfaceInfo.lookup(name);
            } catch (IllegalArgumentException e) {
                LOG.warn("({}) cannot announce {} on {}: {}", settings.name(), addresses, name, e.getMessage());
                return;
            }
            try {
                AnnouncementSpacing spacing = settings.announcementSpacing();
                announcers.add(LinkAnnouncer.open(settings.name(), link, link.mac(), addresses, channels.pacers(spacing.pacer(name)),
                        spacing.intervals(name)));
            } catch (IllegalStateException e) {
                announcers.forEach(LinkAnnouncer::close);
                throw e;
            }
        });
        return List.copyOf(announcers);
    }

    private static GarpScheduler garpScheduler(VrrpSettings settings, List<LinkAnnouncer> announcers, EventLoop loop) {
        Set<String> refreshed = RefreshedInterfaces.of(settings, announcers.stream().map(LinkAnnouncer::interfaceName).toList());
        List<LinkAnnouncer> extra = announcers.stream().filter(announcer -> refreshed.contains(announcer.interfaceName())).toList();
        return new GarpScheduler(settings.garp(), () -> announcers.forEach(LinkAnnouncer::announce),
                () -> extra.forEach(LinkAnnouncer::refresh), loop::newTimer);
    }

    /** The advert source: mcast_src_ip or unicast_src_ip, else the interface's primary address (RFC 5798 section 5.1.1.1, 5.1.2.1). */
    private static InetAddress sourceAddress(VrrpSettings settings, Optional<InterfaceInfo> link) {
        if (settings.sourceAddress().isPresent()) {
            return settings.sourceAddress().get();
        }
        Optional<? extends InetAddress> primary = link.flatMap(l -> settings.family() == IpFamily.INET
                ? l.primaryIpv4() : l.linkLocalIpv6());
        return primary.orElseThrow(() -> new IllegalStateException(settings + " "
                + link.map(l -> "interface " + l.name()).orElse("no interface") + " has no "
                + (settings.family() == IpFamily.INET ? "IPv4 address" : "IPv6 link-local address")
                + " to send adverts from; set " + (settings.unicast() ? "unicast_src_ip" : "mcast_src_ip")));
    }

    private AdvertisementWriter writer(ChecksumRule rule) {
        return AdvertisementWriter.create(settings.advertisement(), source, settings.destinations(), rule,
                settings.multicastGroup(), settings.unicast() ? settings.unicastTtl() : 255, authenticationHeader);
    }

    /** @return the instance's settings */
    public VrrpSettings settings() {
        return settings;
    }

    /** @return the current state; readable from any thread */
    public VrrpState state() {
        return state;
    }

    /** @return the priority it advertises now, after tracking; on the loop only */
    public int effectivePriority() {
        return fsm.priority();
    }

    /** @return when it last changed state, or was created; on the loop only */
    public Instant lastTransition() {
        return lastTransition;
    }

    /** @return the address adverts are sent from */
    public InetAddress sourceAddress() {
        return source;
    }

    /** @return the counters */
    public InstanceStatistics statistics() {
        return statistics;
    }

    /** @return the channel the instance sends and receives on */
    public VrrpChannel channel() {
        return channel;
    }

    /** Starts the instance (RFC 5798 section 6.4.1). */
    public void start() {
        runInLoop(() -> fsm.start(loop.nanoTime()));
    }

    /**
     * Starts the instance as the master it was on a loop that got stuck, keeping its addresses (see
     * {@link VrrpStateMachine#resumeMaster}).
     *
     * @param lastAdvert when the stuck instance last sent an advert, from {@link #lastAdvertSent()}
     */
    public void resumeMaster(long lastAdvert) {
        runInLoop(() -> fsm.resumeMaster(loop.nanoTime(), lastAdvert));
    }

    /** @return when the last advert went out, on the loop's clock; readable from any thread */
    public long lastAdvertSent() {
        return lastAdvertSent;
    }

    /**
     * Closes the sockets of an instance whose loop was abandoned and whose thread has ended: the
     * instance does nothing more, says nothing and leaves its addresses as they are.
     */
    public void releaseAbandoned() {
        announcers.forEach(LinkAnnouncer::closeAbandoned);
    }

    /**
     * Enters or leaves FAULT, as tracked interfaces, scripts and files decide.
     *
     * @param fault whether the instance is faulty
     */
    public void setFault(boolean fault) {
        runInLoop(() -> fsm.setFault(loop.nanoTime(), fault));
    }

    /**
     * Changes the priority the instance advertises, as tracking decides.
     *
     * @param priority the priority, 1 to 254
     */
    public void setPriority(int priority) {
        runInLoop(() -> fsm.setPriority(priority));
    }

    /** @return whether this is a backup that deferred to a master within its Master_Down_Interval; on the loop only */
    public boolean hearsMaster() {
        return fsm.hearsMaster(loop.nanoTime());
    }

    /** Another member of the sync group became master: a backup follows. */
    public void syncMaster() {
        runInLoop(() -> fsm.syncMaster(loop.nanoTime()));
    }

    /** Someone deleted one of the addresses: a master goes back to BACKUP and takes over again to set them. */
    public void addressDeleted() {
        runInLoop(() -> fsm.addressDeleted(loop.nanoTime()));
    }

    /** Another member of the sync group went back to backup: a master follows. */
    public void syncBackup() {
        runInLoop(() -> fsm.syncBackup(loop.nanoTime()));
    }

    /** Stops the instance: a master sends a priority 0 advert and its addresses are removed. */
    public void shutdown() {
        runInLoop(() -> fsm.shutdown(loop.nanoTime()));
    }

    /** Shuts the instance down and leaves its channel, which closes with its last instance. */
    @Override
    public void close() {
        runInLoop(() -> {
            if (closed) {
                return;
            }
            closed = true;
            fsm.shutdown(loop.nanoTime());
            channel.unregister(settings.virtualRouterId());
            channels.release(channel);
            announcers.forEach(LinkAnnouncer::close);
        });
    }

    @Override
    public void received(ReceivedPacket packet, long now) {
        ReadResult result = packet.readWith(reader, settings.skipCheckAdvertAddresses() ? lastMaster : null);
        if (result instanceof ReadResult.Dropped dropped) {
            dropped(dropped, now);
            return;
        }
        ReadResult.Accepted accepted = (ReadResult.Accepted) result;
        statistics.countReceived(accepted.advert().priority());
        if (accepted.legacyUnicastChecksum()) {
            LOG.info("{} {} uses the unicast checksum of keepalived 1.3.6 and before; using it too", settings,
                    accepted.source().getHostAddress());
            reader = new AdvertisementReader(settings.receiveRules().withChecksumRule(ChecksumRule.PSEUDO_HEADER_GROUP),
                    authenticationHeader);
            sender.useWriter(writer(ChecksumRule.PSEUDO_HEADER_GROUP));
        }
        lastMaster = accepted.source();
        fsm.advertReceived(now, accepted.advert(), accepted.source());
    }

    private void dropped(ReadResult.Dropped dropped, long now) {
        statistics.countDrop(dropped.reason());
        Long last = dropLogged.get(dropped.reason());
        if (last == null || now - last >= DROP_LOG_INTERVAL) {
            dropLogged.put(dropped.reason(), now);
            LOG.info("{} dropped a packet on {}: {} ({})", settings, channel.key(), dropped.reason().description(),
                    dropped.detail());
        }
    }

    @Override
    public void sendAdvert(int priority) {
        lastAdvertSent = loop.nanoTime();
        sender.send(priority);
        statistics.countSent(priority);
    }

    @Override
    public void becomeMaster() {
        statistics.countBecameMaster();
        notifyListener("add the virtual addresses", () -> listener.addVirtualAddresses(settings));
        garp.ifPresent(GarpScheduler::becameMaster);
    }

    @Override
    public void leaveMaster() {
        statistics.countReleasedMaster();
        garp.ifPresent(GarpScheduler::leftMaster);
        announcers.forEach(LinkAnnouncer::withdraw);
        notifyListener("remove the virtual addresses", () -> listener.removeVirtualAddresses(settings));
    }

    @Override
    public boolean mayBecomeMaster() {
        return listener.mayBecomeMaster(settings);
    }

    @Override
    public void scheduleTimer(long deadlineNanos) {
        timer.scheduleAt(deadlineNanos);
    }

    @Override
    public void cancelTimer() {
        timer.cancel();
    }

    @Override
    public void lowerPriorityAdvertReceived(InetAddress sender, int priority) {
        garp.ifPresent(GarpScheduler::lowerPriorityAdvertReceived);
        notifyListener("report a lower priority master", () -> listener.lowerPriorityMasterSeen(settings, sender, priority));
    }

    @Override
    public void stateChanged(VrrpState previous, VrrpState current) {
        state = current;
        lastTransition = Instant.now();
        notifyListener("report the state change", () -> listener.stateChanged(settings, previous, current));
    }

    /**
     * A failing listener must not leave the state machine half-way through a transition, with no
     * timer armed: the failure is logged and the protocol goes on, as keepalived goes on when
     * netlink refuses an address.
     */
    private void notifyListener(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed to {}: {}", settings, what, e.getMessage(), e);
        }
    }

    private void runInLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    @Override
    public String toString() {
        return settings + " " + state;
    }
}
