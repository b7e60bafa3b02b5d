package org.jkeepalived.vrrp.internal.runtime;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.netlink.api.Address;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.instance.AnnouncedAddresses;
import org.jkeepalived.vrrp.internal.instance.InstanceStatistics;
import org.jkeepalived.vrrp.internal.instance.VirtualRouter;
import org.jkeepalived.vrrp.internal.net.InterfaceInfo;
import org.jkeepalived.vrrp.internal.net.VrrpChannels;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances running on the VRRP loop, brought in line with each new configuration: an instance
 * whose settings and addresses did not change keeps running (a master takes its new routes and
 * rules), one that changed or left is closed (a master hands over with a priority 0 advert), and new
 * ones start. The instances on an interface that was deleted and made again start again on the new
 * one. Used on the loop's thread only.
 */
final class RunningInstances {

    private static final Logger LOG = LoggerFactory.getLogger(RunningInstances.class);

    private record Running(InstancePlan plan, VirtualRouter router, InstanceNotifier notifier, InstanceNetwork network) {
    }

    /** An instance that waits for its interface, in FAULT to whoever asks, since when it waits. */
    private record Waiting(InstancePlan plan, Instant since) {
    }

    private final VmacLinks vmacs;
    private final VrrpChannels channels;
    private final KernelNetwork kernel;
    private final NoAcceptFilter filter;
    private final ScriptLauncher scripts;
    private final Transitions transitions;
    private final Map<String, Running> running = new LinkedHashMap<>();
    /** The interfaces the monitor reported, up or down; one not reported yet counts as up. */
    private final Map<String, Boolean> linksUp = new HashMap<>();
    /**
     * The tracked vrrp_scripts, up or down, and their definitions, by name. Written on the loop; read
     * by a restart while the loop is stuck, hence concurrent.
     */
    private final Map<String, Boolean> scriptsUp = new ConcurrentHashMap<>();
    private final Map<String, VrrpScript> scriptDefinitions = new ConcurrentHashMap<>();
    /** The track_file values; concurrent as the scripts'. */
    private final Map<String, Long> fileValues = new ConcurrentHashMap<>();
    /** The vrrp_track_processes, up or down; concurrent as the scripts'. */
    private final Map<String, Boolean> processesUp = new ConcurrentHashMap<>();
    /** The running routers, for a restart to read while the loop is stuck. */
    private volatile List<VirtualRouter> routers = List.of();
    private final TrackedStates states = new TrackedStates(linksUp, scriptsUp, fileValues, processesUp);
    private final SyncGroups groups;
    /** The plans of the running configuration, by instance. */
    private Map<String, InstancePlan> plans = Map.of();
    /**
     * Instances that wait for their interface: those on one made again after it was deleted, until
     * they start on it, or with dynamic_interfaces one that does not exist yet. Each tries to start
     * as its interface comes up or gets an address.
     */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    /** Interfaces of running instances that were deleted, whose instances start again when they are back. */
    private final Set<String> removedLinks = new HashSet<>();
    private boolean dynamicInterfaces;

    /**
     * @param channels the channels of the VRRP loop
     * @param kernel where instances set their addresses, routes and rules
     * @param scripts what starts notify scripts
     * @param transitions what tells listeners of changes of state
     * @param vmacs what makes and removes the VMACs of use_vmac instances
     * @param filter what drops packets to the addresses of no_accept instances
     */
    RunningInstances(VrrpChannels channels, KernelNetwork kernel,
            ScriptLauncher scripts, Transitions transitions, VmacLinks vmacs, NoAcceptFilter filter) {
        this.channels = channels;
        this.filter = filter;
        this.vmacs = vmacs;
        this.kernel = kernel;
        this.scripts = scripts;
        this.transitions = transitions;
        this.groups = new SyncGroups(name -> Optional.ofNullable(running.get(name)).map(Running::router), scripts,
                transitions);
    }

    /**
     * Runs the instances of a new configuration.
     *
     * @param plans the instances it has, in its order
     * @param scripts the vrrp_scripts they track: a new or changed one starts in its initial state
     * @param syncGroups the vrrp_sync_groups
     * @param resumingMasters instances that were master on a loop that got stuck, with when each last
     *     sent an advert: if not faulty, they start as masters that kept their addresses
     */
    void apply(List<InstancePlan> plans, List<VrrpScript> scripts, List<VrrpSyncGroup> syncGroups,
            Map<String, Long> resumingMasters) {
        groups.update(syncGroups);
        Map<String, VrrpScript> definitions = new HashMap<>();
        scripts.forEach(script -> definitions.put(script.name(), script));
        scriptsUp.keySet().retainAll(definitions.keySet());
        for (VrrpScript script : scripts) {
            if (!script.equals(scriptDefinitions.get(script.name()))) {
                scriptsUp.put(script.name(), ScriptTracker.initiallyUp(script));
            }
        }
        scriptDefinitions.clear();
        scriptDefinitions.putAll(definitions);
        Map<String, InstancePlan> wanted = new LinkedHashMap<>();
        plans.forEach(plan -> wanted.put(plan.name(), plan));
        this.plans = wanted;
        for (Iterator<Running> it = running.values().iterator(); it.hasNext(); ) {
            Running current = it.next();
            InstancePlan next = wanted.get(current.plan().name());
            if (!current.plan().runsAs(next)) {
                LOG.info("{} {}", current.plan().settings(), next == null ? "is no longer configured; stopping it" : "changed; restarting it");
                stop(current);
                it.remove();
            }
        }
        // each configured instance that is not running tries to start: those that wait too
        waiting.clear();
        Map<String, Running> reordered = new LinkedHashMap<>();
        for (InstancePlan plan : wanted.values()) {
            Running current = running.get(plan.name());
            if (current == null) {
                current = startOrWait(plan, Optional.ofNullable(resumingMasters.get(plan.name()))).orElse(null);
            } else {
                current.notifier().update(plan.notifyScripts());
                current.network().update(plan.network(), plan.noAccept(), current.router().state() == VrrpState.MASTER,
                        plan.settings());
                current = new Running(plan, current.router(), current.notifier(), current.network());
            }
            if (current != null) {
                reordered.put(plan.name(), current);
            }
        }
        running.clear();
        running.putAll(reordered);
        publishRouters();
        // tracking and groups may have changed for instances that carried on
        running.values().forEach(this::applyTracking);
    }

    /** Stops every instance, then the sync groups: masters hand over with a priority 0 advert and remove their addresses. */
    void closeAll() {
        running.values().forEach(this::stop);
        running.clear();
        waiting.clear();
        routers = List.of();
        groups.stopAll();
    }

    /**
     * Read from any thread while the loop is stuck.
     *
     * @return the instances that are master, with when each last sent an advert
     */
    Map<String, Long> mastersLastAdvert() {
        Map<String, Long> masters = new HashMap<>();
        routers.stream().filter(router -> router.state() == VrrpState.MASTER)
                .forEach(router -> masters.put(router.settings().name(), router.lastAdvertSent()));
        return masters;
    }

    /**
     * Takes the script results, file values and process states of instances whose loop got stuck, so
     * that tracking does not start over from the scripts' initial states. Called before the first
     * {@link #apply}.
     *
     * @param stuck the instances of the stuck loop
     */
    void adoptTracking(RunningInstances stuck) {
        scriptsUp.putAll(stuck.scriptsUp);
        scriptDefinitions.putAll(stuck.scriptDefinitions);
        fileValues.putAll(stuck.fileValues);
        processesUp.putAll(stuck.processesUp);
    }

    /**
     * Closes the sockets of the instances and channels of an abandoned loop, on its thread once it
     * has left the loop; sends nothing and leaves the addresses, which a restart has taken over.
     */
    void releaseAbandoned() {
        routers.forEach(VirtualRouter::releaseAbandoned);
        channels.closeAbandoned();
    }

    /** @param eachAtInfo log_unknown_vrids: whether the channels log every advert of a VRID no instance has at info level */
    void logUnknownVrids(boolean eachAtInfo) {
        channels.logUnknownVrids(eachAtInfo);
    }

    /** @return the state of each sync group that has one, by name */
    Map<String, VrrpState> groupStates() {
        return groups.states();
    }

    /** @param wait dynamic_interfaces: whether an instance whose interface does not exist waits for it */
    void dynamicInterfaces(boolean wait) {
        dynamicInterfaces = wait;
    }

    /**
     * An interface went down or came back: the instances on it enter or leave FAULT. One that was
     * deleted and is back is another interface to the kernel, so the instances on it start again,
     * as their sockets belong to the deleted one; those that wait for it try to start.
     *
     * @param name the interface
     * @param up whether it can carry traffic
     */
    void linkState(String name, boolean up) {
        Boolean before = linksUp.put(name, up);
        if (up) {
            if (removedLinks.remove(name)) {
                stopToRestart(name);
            }
            startWaiting();
        }
        if (before == null || before != up) {
            LOG.info("interface {} is {}", name, up ? "up" : "down");
            running.values().forEach(this::applyTracking);
        }
    }

    /**
     * An interface was deleted: the instances on it enter FAULT until it is back.
     *
     * @param name the interface
     */
    void linkRemoved(String name) {
        if (running.values().stream().anyMatch(current -> isOn(current.plan(), name))) {
            removedLinks.add(name);
        }
        linkState(name, false);
    }

    /** An address was added: an instance that waits for an address to send from may start. */
    void addressAdded() {
        startWaiting();
    }

    /**
     * An address was deleted: a master whose address it is, unless no_track, goes back to BACKUP
     * and takes over again, which sets it again. The removal an instance made itself as it left
     * MASTER is reported once it may be master again: the kernel says whether the address is there.
     *
     * @param device the interface it was on
     * @param removed the address
     */
    void addressRemoved(String device, Address removed) {
        InetAddress address = removed.address();
        List<Running> masters = running.values().stream().filter(current -> current.router().state() == VrrpState.MASTER
                && current.plan().network().tracked(device, address).isPresent()).toList();
        if (masters.isEmpty() || kernel.has(removed)) {
            return;
        }
        for (Running current : masters) {
            LOG.warn("{} virtual address {} was deleted from {}; going back to BACKUP to set it again",
                    current.plan().settings(), address.getHostAddress(), device);
            current.router().addressDeleted();
        }
    }

    /**
     * A tracked vrrp_script went up or down: the instances that track it change priority or enter
     * or leave FAULT.
     *
     * @param name the vrrp_script
     * @param up whether it succeeds
     */
    void scriptState(String name, boolean up) {
        if (scriptDefinitions.containsKey(name) && !Boolean.valueOf(up).equals(scriptsUp.put(name, up))) {
            running.values().forEach(this::applyTracking);
        }
    }

    /**
     * A track_file's value changed: the instances that track it change priority or enter or leave FAULT.
     *
     * @param name the track_file
     * @param value its value
     */
    void fileValue(String name, long value) {
        if (!Long.valueOf(value).equals(fileValues.put(name, value))) {
            running.values().forEach(this::applyTracking);
        }
    }

    /**
     * A vrrp_track_process went up or down: the instances that track it change priority or enter or
     * leave FAULT.
     *
     * @param name the vrrp_track_process
     * @param up whether its processes are within their quorum
     */
    void processState(String name, boolean up) {
        if (!Boolean.valueOf(up).equals(processesUp.put(name, up))) {
            running.values().forEach(this::applyTracking);
        }
    }

    /** The priority first: an instance leaving FAULT starts its timer with the priority it now has. */
    private void applyTracking(Running current) {
        current.router().setPriority(current.plan().tracking().priority(states));
        current.router().setFault(groups.fault(current.plan().name(), this::ownFault));
    }

    private boolean ownFault(String instance) {
        InstancePlan plan = plans.get(instance);
        return plan != null && plan.tracking().fault(states);
    }

    /** @return the status of every running instance, and of those that wait for their interface */
    List<VrrpInstanceStatus> status() {
        List<VrrpInstanceStatus> status = new ArrayList<>();
        running.values().forEach(current -> status.add(status(current)));
        waiting.values().forEach(instance -> status.add(status(instance)));
        return status;
    }

    /**
     * Stops every instance on the interface and puts it among those that wait, so that all of them
     * are stopped before any starts: the channel they share must close before it opens on the new
     * interface.
     */
    private void stopToRestart(String name) {
        List<Running> stale = running.values().stream().filter(current -> isOn(current.plan(), name)).toList();
        if (stale.isEmpty()) {
            return;
        }
        LOG.info("interface {} is back; restarting the instances on it", name);
        stale.forEach(this::stop);
        for (Running current : stale) {
            running.remove(current.plan().name());
            waitForInterface(current.plan());
        }
    }

    private void startWaiting() {
        if (waiting.isEmpty()) {
            return;
        }
        for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
            InstancePlan plan = it.next().plan();
            if (plan.settings().interfaceName().filter(name -> InterfaceInfo.exists(name) && linksUp.getOrDefault(name, true))
                    .isPresent()) {
                Optional<Running> started = start(plan, Optional.empty());
                if (started.isPresent()) {
                    it.remove();
                    running.put(plan.name(), started.get());
                }
            }
        }
        publishRouters();
    }

    private void publishRouters() {
        routers = running.values().stream().map(Running::router).toList();
    }

    /**
     * Starts an instance; one whose interface is missing, with dynamic_interfaces, waits for it instead.
     */
    private Optional<Running> startOrWait(InstancePlan plan, Optional<Long> resumeMaster) {
        Optional<String> missing = plan.settings().interfaceName().filter(name -> !InterfaceInfo.exists(name));
        if (missing.isPresent() && dynamicInterfaces) {
            LOG.warn("{} interface {} does not exist; the instance starts when it does (dynamic_interfaces)",
                    plan.settings(), missing.get());
            waitForInterface(plan);
            return Optional.empty();
        }
        return start(plan, resumeMaster);
    }

    private void waitForInterface(InstancePlan plan) {
        waiting.put(plan.name(), new Waiting(plan, Instant.now()));
    }

    private static List<String> addresses(InstancePlan plan) {
        return plan.network().addresses().stream().map(NetworkEntries::describe).toList();
    }

    private static boolean isOn(InstancePlan plan, String interfaceName) {
        return plan.settings().interfaceName().equals(Optional.of(interfaceName));
    }

    /** The VMAC goes after the router, which removed its addresses from it and sent its last advert on it. */
    private void stop(Running current) {
        current.router().close();
        if (current.plan().settings().vmac().isPresent()) {
            vmacs.remove(current.plan().settings());
        }
    }

    private Optional<Running> start(InstancePlan plan, Optional<Long> resumeMaster) {
        VrrpSettings settings = plan.settings();
        // a faulty instance resumes nothing: its addresses go, as at any start
        Optional<Long> resume = resumeMaster.filter(lastAdvert -> !groups.fault(plan.name(), this::ownFault));
        boolean vmacMade = false;
        try {
            Optional<InterfaceInfo> link = settings.interfaceName().map(InterfaceInfo::lookup);
            if (settings.vmac().isPresent()) {
                if (resume.isPresent()) {
                    vmacs.keep(settings);
                } else {
                    vmacs.create(settings);
                }
                vmacMade = true;
            }
            InstanceNetwork network = new InstanceNetwork(kernel, filter, plan.network(), plan.noAccept());
            if (resume.isEmpty()) {
                // what a previous run left must go before the election, or two routers answer for one address
                network.removeQuietly(settings);
            }
            InstanceNotifier notifier = new InstanceNotifier(plan.notifyScripts(), scripts);
            VirtualRouter router = VirtualRouter.create(settings, channels, link, announced(plan.network()), new Listeners(
                    List.of(network, notifier, transitions, groups.listenerFor(plan.name()))));
            Running started = new Running(plan, router, notifier, network);
            // an instance whose tracked objects are down starts in FAULT
            applyTracking(started);
            resume.ifPresentOrElse(router::resumeMaster, router::start);
            return Optional.of(started);
        } catch (RuntimeException e) {
            LOG.error("{} cannot start: {}", settings, e.getMessage());
            if (vmacMade) {
                vmacs.remove(settings);
            }
            return Optional.empty();
        }
    }

    /** The addresses the instance sets as master, by the interface each goes on. */
    private static AnnouncedAddresses announced(NetworkEntries network) {
        Map<String, List<InetAddress>> byInterface = new LinkedHashMap<>();
        network.addresses().forEach(address -> byInterface.computeIfAbsent(address.device(), name -> new ArrayList<>())
                .add(address.address()));
        return new AnnouncedAddresses(byInterface);
    }

    /** Nothing sent or received: FAULT, with the configured priority, as keepalived shows such an instance. */
    private VrrpInstanceStatus status(Waiting instance) {
        VrrpSettings settings = instance.plan().settings();
        return new VrrpInstanceStatus(settings.name(), VrrpState.FAULT, settings.virtualRouterId(),
                settings.version().number(), settings.interfaceName(), settings.priority(),
                settings.sourceAddress().map(InetAddress::getHostAddress).orElse("(none)"), addresses(instance.plan()),
                0, 0, 0, 0, 0, 0, Map.of(), settings.priority(), instance.since(), instance.plan().tracking().status(states));
    }

    private VrrpInstanceStatus status(Running current) {
        VrrpSettings settings = current.plan().settings();
        InstanceStatistics statistics = current.router().statistics();
        return new VrrpInstanceStatus(settings.name(), current.router().state(), settings.virtualRouterId(),
                settings.version().number(), settings.interfaceName(), settings.priority(),
                current.router().sourceAddress().getHostAddress(),
                addresses(current.plan()),
                statistics.advertsSent(), statistics.advertsReceived(), statistics.becameMaster(), statistics.releasedMaster(),
                statistics.priorityZeroReceived(), statistics.priorityZeroSent(), statistics.drops(),
                current.router().effectivePriority(), current.router().lastTransition(),
                current.plan().tracking().status(states));
    }
}
