package org.jkeepalived.vrrp.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.vrrp.Scheduling;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedProcess;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.config.api.model.vrrp.VrrpGlobals;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.config.api.model.vrrp.VrrpSyncGroup;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.EventLoops;
import org.jkeepalived.core.api.watchdog.StuckLoop;
import org.jkeepalived.core.api.watchdog.Supervised;
import org.jkeepalived.netlink.api.InterfaceMonitor;
import org.jkeepalived.netlink.api.Rtnetlink;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpListener;
import org.jkeepalived.vrrp.api.VrrpService;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.net.VrrpChannels;
import org.jkeepalived.vrrp.internal.settings.AnnouncementSpacing;
import org.jkeepalived.vrrp.internal.settings.VirtualMac;
import org.jkeepalived.vrrp.internal.settings.VmacNames;
import org.jkeepalived.vrrp.internal.settings.VrrpSettings;
import org.jkeepalived.vrrp.internal.settings.VrrpSettingsMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the vrrp_instances of the running configuration on the VRRP loop, a thread of its own that
 * does nothing else, and follows each reload; sets the static addresses, routes and rules, and
 * writes changes of state to the notify FIFOs. Stopping it hands every master over with a priority 0
 * advert and removes its addresses, routes and rules and the static ones, as keepalived does on SIGTERM.
 *
 * <p>The watchdog supervises the loop. When it is stuck, the instances start again on a fresh loop
 * from the running configuration, with what tracking knew; the stuck loop is abandoned, never waited
 * for, and its sockets close when its thread ends. A master does not hand over for that: it resumes
 * with its addresses in place (see {@link org.jkeepalived.vrrp.internal.fsm.VrrpStateMachine#resumeMaster}).
 */
@Component(service = {ConfigListener.class, VrrpService.class, Supervised.class}, immediate = true)
public final class VrrpRuntime implements ConfigListener, VrrpService, Supervised {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpRuntime.class);
    /** The name of the loop, as the watchdog and thread dumps show it. */
    static final String LOOP_NAME = "vrrp";
    private static final long LOOP_ANSWER_SECONDS = 5;

    /** What runs on one loop: replaced whole when the watchdog restarts the subsystem. */
    private record Engine(EventLoop loop, RunningInstances instances, LinkStates linkStates, LoopScheduling scheduling) {
    }

    /** What the running configuration asks of the loop, kept for a restart. */
    private record Applied(List<InstancePlan> plans, List<VrrpScript> scripts, List<VrrpSyncGroup> syncGroups) {
    }

    private final EventLoops loops;
    private final KernelNetwork kernel;
    private final VmacLinks vmacs;
    /** Outlives restarts of the VRRP loop, as the table it keeps does. */
    private final NoAcceptFilter noAccept;
    private final ScriptLauncher scripts = new ScriptLauncher();
    private final Transitions transitions = new Transitions(Clock.systemUTC());
    private final ScriptTracker tracker;
    private final FileTracker files;
    private final ProcessTracker processes;
    /** Used on the loop of the engine of the moment; it outlives restarts, as the static entries it set stay. */
    private final StaticNetwork statics;
    /** Used on the loop of the engine of the moment; it outlives restarts, as the setting it changed stays. */
    private final LocalIgmpReports localIgmp = new LocalIgmpReports();
    /** Package-private for tests, which read what each FIFO dropped. */
    final NotifyFifos fifos = new NotifyFifos();
    private final InterfaceMonitor interfaces;
    private volatile Engine engine;
    private volatile Applied applied;
    /** vrrp_priority and vrrp_rt_priority of the running configuration, for the loop of the moment. */
    private volatile Scheduling scheduling = Scheduling.DEFAULT;
    /** log_unknown_vrids of the running configuration, for the channels of the loop of the moment. */
    private volatile boolean logUnknownVrids;
    /** dynamic_interfaces of the running configuration, for the instances of the loop of the moment. */
    private volatile boolean dynamicInterfaces;
    /** Whether the instances wait out vrrp_startup_delay: a reload meanwhile only changes what they start with. */
    private final AtomicBoolean startPending = new AtomicBoolean();

    /**
     * @param loops where the VRRP loop comes from
     * @param rtnetlink the kernel's addresses, routes and rules
     * @param interfaces the kernel's interfaces, whose state takes instances in and out of FAULT
     */
    @Activate
    public VrrpRuntime(@Reference EventLoops loops, @Reference Rtnetlink rtnetlink, @Reference InterfaceMonitor interfaces) {
        this.loops = loops;
        this.kernel = new KernelNetwork(rtnetlink);
        this.vmacs = new VmacLinks(rtnetlink);
        this.noAccept = new NoAcceptFilter(loops.open(LOOP_NAME + "-nftables"));
        this.interfaces = interfaces;
        this.statics = new StaticNetwork(kernel);
        transitions.add(fifos);
        this.tracker = new ScriptTracker((name, up) -> onEngine(instances -> instances.scriptState(name, up)));
        this.files = new FileTracker((name, value) -> onEngine(instances -> instances.fileValue(name, value)));
        this.processes = new ProcessTracker((name, up) -> onEngine(instances -> instances.processState(name, up)));
        this.engine = openEngine();
    }

    private Engine openEngine() {
        EventLoop loop = loops.open(LOOP_NAME);
        RunningInstances instances = new RunningInstances(new VrrpChannels(loop), kernel, scripts, transitions, vmacs, noAccept);
        LinkStates linkStates = new LinkStates(instances, statics);
        interfaces.addListener(linkStates, loop);
        Engine fresh = new Engine(loop, instances, linkStates, new LoopScheduling());
        configureLoop(fresh);
        return fresh;
    }

    /**
     * Gives the engine's loop what the running configuration asks of it, on its thread: the thread's
     * scheduling, whether its channels log adverts of unknown VRIDs at info level, and whether its
     * instances wait for missing interfaces.
     */
    private void configureLoop(Engine target) {
        target.loop().execute(() -> {
            target.scheduling().apply(scheduling);
            target.instances().logUnknownVrids(logUnknownVrids);
            target.instances().dynamicInterfaces(dynamicInterfaces);
        });
    }

    private void onEngine(Consumer<RunningInstances> task) {
        Engine current = engine;
        current.loop().execute(() -> task.accept(current.instances()));
    }

    @Override
    public void configApplied(ConfigUpdate update) {
        UnappliedSettings.of(update.current()).forEach(LOG::warn);
        List<InstancePlan> plans = plans(update.current());
        List<VrrpScript> tracked = trackedScripts(update.current());
        List<TrackFile> trackedFiles = trackedFiles(update.current());
        NetworkEntries staticEntries = KernelSpecs.statics(update.current());
        List<VrrpSyncGroup> syncGroups = update.current().syncGroups();
        fifos.configure(update.current().globalDefs());
        noAccept.configure(update.current().globalDefs().vrrp().nftables(), plans.stream().anyMatch(InstancePlan::noAccept));
        // the files are read and the processes counted first, so that an instance starts with their states
        files.track(trackedFiles);
        processes.track(trackedProcesses(update.current()));
        Duration startupDelay = update.previous().isEmpty() ? update.current().globalDefs().vrrp().startupDelay() : Duration.ZERO;
        synchronized (this) {
            applied = new Applied(plans, tracked, syncGroups);
            scheduling = update.current().globalDefs().vrrp().scheduling();
            logUnknownVrids = update.current().globalDefs().vrrp().logUnknownVrids();
            dynamicInterfaces = update.current().globalDefs().vrrp().dynamicInterfaces() != VrrpGlobals.DynamicInterfaces.NO;
            configureLoop(engine);
            onEngine(instances -> statics.apply(staticEntries));
            boolean disableLocalIgmp = update.current().globalDefs().vrrp().disableLocalIgmp();
            onEngine(instances -> localIgmp.configure(disableLocalIgmp));
            if (startPending.get()) {
                return;
            }
            if (!startupDelay.isZero()) {
                startPending.set(true);
                LOG.info("VRRP instances start in {} ms (vrrp_startup_delay)", startupDelay.toMillis());
                engine.loop().newTimer(this::startAfterDelay).scheduleAfter(startupDelay.toNanos());
                return;
            }
            onEngine(instances -> {
                instances.apply(plans, tracked, syncGroups, Map.of());
                tracker.track(tracked);
            });
        }
        if (update.previous().isPresent() && update.current().globalDefs().fifoWriteVrrpStatesOnReload()) {
            fifos.writeStates(instances(), syncGroupStates());
        }
    }

    /**
     * On the loop, once vrrp_startup_delay has passed: the instances start with the configuration of
     * now. A reload that comes after this has begun applies itself, after it on the loop.
     */
    private void startAfterDelay() {
        if (!startPending.compareAndSet(true, false)) {
            // a restart of the loop started them already
            return;
        }
        Applied last = applied;
        engine.instances().apply(last.plans(), last.scripts(), last.syncGroups(), Map.of());
        tracker.track(last.scripts());
    }

    @Override
    public String subsystem() {
        return LOOP_NAME;
    }

    @Override
    public Map<String, Executor> loops() {
        EventLoop loop = engine.loop();
        return Map.of(loop.name(), loop);
    }

    /**
     * Abandons the stuck loop and starts the running configuration's instances on a fresh one; the
     * masters of the stuck loop resume with their addresses. Never waits for the stuck loop.
     */
    @Override
    public synchronized void restart(StuckLoop stuck) {
        Engine abandoned = engine;
        Map<String, Long> masters = abandoned.instances().mastersLastAdvert();
        interfaces.removeListener(abandoned.linkStates());
        abandoned.loop().abandon(abandoned.instances()::releaseAbandoned);
        Engine fresh = openEngine();
        fresh.instances().adoptTracking(abandoned.instances());
        Applied last = applied;
        boolean stillToStart = startPending.getAndSet(false);
        if (last != null) {
            fresh.loop().execute(() -> {
                fresh.instances().apply(last.plans(), last.scripts(), last.syncGroups(), masters);
                if (stillToStart) {
                    tracker.track(last.scripts());
                }
            });
        }
        engine = fresh;
        LOG.warn("VRRP restarted on a fresh loop after {}; masters resuming with their addresses: {}", stuck.describe(),
                masters.isEmpty() ? "none" : String.join(", ", masters.keySet()));
    }

    /** @param listener told of every change of state from now on */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(VrrpListener listener) {
        transitions.add(listener);
    }

    /** @param listener told nothing more */
    void removeListener(VrrpListener listener) {
        transitions.remove(listener);
    }

    @Override
    public List<VrrpInstanceStatus> instances() {
        Engine current = engine;
        return onLoop(CompletableFuture.supplyAsync(current.instances()::status, current.loop()));
    }

    @Override
    public Map<String, VrrpState> syncGroupStates() {
        Engine current = engine;
        return onLoop(CompletableFuture.supplyAsync(current.instances()::groupStates, current.loop()));
    }

    /** Hands over and stops every instance, then removes the static entries, before the loop ends. */
    @Deactivate
    synchronized void stop() {
        Engine current = engine;
        interfaces.removeListener(current.linkStates());
        tracker.close();
        files.close();
        processes.close();
        try {
            onLoop(CompletableFuture.runAsync(() -> {
                current.instances().closeAll();
                statics.removeAll();
                localIgmp.restore();
            }, current.loop()));
        } finally {
            current.loop().close();
            noAccept.close();
            scripts.close();
            // the FIFOs get the STOP lines before they close
            transitions.close();
            fifos.close();
        }
    }

    /** An instance that cannot run as configured is left out and said so; the others run. */
    private static List<InstancePlan> plans(KeepalivedConfig config) {
        List<InstancePlan> plans = new ArrayList<>();
        VrrpGlobals globals = config.globalDefs().vrrp();
        VmacNames vmacNames = VmacNames.of(config.vrrpInstances(), globals.vmacPrefix());
        AnnouncementSpacing spacing = AnnouncementSpacing.of(globals.garpInterval(), globals.gnaInterval(), config.garpGroups());
        for (VrrpInstance instance : config.vrrpInstances()) {
            try {
                VrrpSettings settings = VrrpSettingsMapper.map(instance, vmacNames, spacing);
                // with use_vmac the addresses go on the VMAC, as keepalived puts them
                Optional<String> addressDevice = settings.vmac().map(VirtualMac::interfaceName).or(instance::interfaceName);
                plans.add(new InstancePlan(settings, KernelSpecs.of(instance, addressDevice),
                        instance.notifyScripts(), tracking(instance, config),
                        !instance.accept() && instance.priority() != VrrpInstance.OWNER_PRIORITY));
            } catch (IllegalArgumentException e) {
                LOG.error("{}; the instance does not run", e.getMessage());
            }
        }
        return plans;
    }

    /** An instance's tracked objects, with those of its sync group, which apply to every member. */
    private static InstanceTracking tracking(VrrpInstance instance, KeepalivedConfig config) {
        List<TrackedInterface> interfaces = new ArrayList<>(instance.trackInterfaces());
        List<TrackedScript> scripts = new ArrayList<>(instance.trackScripts());
        List<TrackedFile> files = new ArrayList<>(instance.trackFiles());
        List<TrackedProcess> processes = new ArrayList<>(instance.trackProcesses());
        config.syncGroups().stream().filter(group -> group.instances().contains(instance.name())).forEach(group -> {
            interfaces.addAll(group.trackInterfaces());
            scripts.addAll(group.trackScripts());
            files.addAll(group.trackFiles());
            processes.addAll(group.trackProcesses());
        });
        // keepalived drops a vrrp_script that enable_script_security refuses from tracking: it neither faults nor weighs
        Set<String> refused = config.vrrpScripts().stream().filter(script -> !script.script().runnable())
                .map(VrrpScript::name).collect(Collectors.toSet());
        scripts.removeIf(tracked -> refused.contains(tracked.name()));
        // dont_track_primary: the instance's own interface going down is no fault of the instance
        Optional<String> ownInterface = instance.dontTrackPrimary() ? Optional.empty() : instance.interfaceName();
        return new InstanceTracking(ownInterface, instance.priority(), interfaces, scripts, files, processes);
    }

    /**
     * The vrrp_scripts some instance or group tracks and enable_script_security does not refuse; the
     * others are not run, as keepalived does not run them.
     */
    private static List<VrrpScript> trackedScripts(KeepalivedConfig config) {
        Set<String> names = trackedNames(config, VrrpInstance::trackScripts, VrrpSyncGroup::trackScripts, TrackedScript::name);
        return config.vrrpScripts().stream()
                .filter(script -> names.contains(script.name()) && script.script().runnable()).toList();
    }

    /** The track_files some instance or group tracks; the others are not read. */
    private static List<TrackFile> trackedFiles(KeepalivedConfig config) {
        Set<String> names = trackedNames(config, VrrpInstance::trackFiles, VrrpSyncGroup::trackFiles, TrackedFile::name);
        return config.trackFiles().stream().filter(file -> names.contains(file.name())).toList();
    }

    /** The vrrp_track_processes some instance or group tracks; the others are not counted. */
    private static List<TrackProcess> trackedProcesses(KeepalivedConfig config) {
        Set<String> names = trackedNames(config, VrrpInstance::trackProcesses, VrrpSyncGroup::trackProcesses,
                TrackedProcess::name);
        return config.trackProcesses().stream().filter(process -> names.contains(process.name())).toList();
    }

    /** The names in one tracking list of every instance and sync group. */
    private static <T> Set<String> trackedNames(KeepalivedConfig config, Function<VrrpInstance, List<T>> ofInstance,
            Function<VrrpSyncGroup, List<T>> ofGroup, Function<T, String> name) {
        Set<String> names = new HashSet<>();
        config.vrrpInstances().forEach(instance -> ofInstance.apply(instance).forEach(tracked -> names.add(name.apply(tracked))));
        config.syncGroups().forEach(group -> ofGroup.apply(group).forEach(tracked -> names.add(name.apply(tracked))));
        return names;
    }

    private <T> T onLoop(CompletableFuture<T> answer) {
        try {
            return answer.get(LOOP_ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the VRRP loop", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the VRRP loop failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the VRRP loop did not answer in " + LOOP_ANSWER_SECONDS + " s", e);
        }
    }
}
