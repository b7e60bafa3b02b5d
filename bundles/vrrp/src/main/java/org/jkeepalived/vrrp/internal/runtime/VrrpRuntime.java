package org.jkeepalived.vrrp.internal.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.config.api.model.vrrp.VrrpInstance;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;
import org.jkeepalived.core.api.loop.EventLoop;
import org.jkeepalived.core.api.loop.EventLoops;
import org.jkeepalived.netlink.api.InterfaceMonitor;
import org.jkeepalived.netlink.api.Rtnetlink;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpListener;
import org.jkeepalived.vrrp.api.VrrpService;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.internal.net.VrrpChannels;
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
 */
@Component(service = {ConfigListener.class, VrrpService.class}, immediate = true)
public final class VrrpRuntime implements ConfigListener, VrrpService {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpRuntime.class);
    /** The name of the loop, as the watchdog and thread dumps show it. */
    static final String LOOP_NAME = "vrrp";
    private static final long LOOP_ANSWER_SECONDS = 5;

    private final EventLoop loop;
    private final ScriptLauncher scripts = new ScriptLauncher();
    private final Transitions transitions = new Transitions(Clock.systemUTC());
    private final ScriptTracker tracker;
    private final FileTracker files;
    private final RunningInstances instances;
    private final StaticNetwork statics;
    /** Package-private for tests, which read what each FIFO dropped. */
    final NotifyFifos fifos = new NotifyFifos();
    private final InterfaceMonitor interfaces;
    private final LinkStates linkStates;

    /**
     * @param loops where the VRRP loop comes from
     * @param rtnetlink the kernel's addresses, routes and rules
     * @param interfaces the kernel's interfaces, whose state takes instances in and out of FAULT
     */
    @Activate
    public VrrpRuntime(@Reference EventLoops loops, @Reference Rtnetlink rtnetlink, @Reference InterfaceMonitor interfaces) {
        this.loop = loops.open(LOOP_NAME);
        KernelNetwork kernel = new KernelNetwork(rtnetlink);
        this.instances = new RunningInstances(new VrrpChannels(loop), kernel, scripts, transitions, new VmacLinks(rtnetlink));
        this.statics = new StaticNetwork(kernel);
        transitions.add(fifos);
        this.tracker = new ScriptTracker((name, up) -> loop.execute(() -> instances.scriptState(name, up)));
        this.files = new FileTracker((name, value) -> loop.execute(() -> instances.fileValue(name, value)));
        this.interfaces = interfaces;
        this.linkStates = new LinkStates(instances);
        interfaces.addListener(linkStates, loop);
    }

    @Override
    public void configApplied(ConfigUpdate update) {
        List<InstancePlan> plans = plans(update.current());
        List<VrrpScript> tracked = trackedScripts(update.current());
        List<TrackFile> trackedFiles = trackedFiles(update.current());
        NetworkEntries staticEntries = KernelSpecs.statics(update.current());
        fifos.configure(update.current().globalDefs());
        // the files are read first, so that an instance starts with their values
        files.track(trackedFiles);
        loop.execute(() -> {
            statics.apply(staticEntries);
            instances.apply(plans, tracked, update.current().syncGroups());
            tracker.track(tracked);
        });
        if (update.previous().isPresent() && update.current().globalDefs().fifoWriteVrrpStatesOnReload()) {
            fifos.writeStates(instances(), syncGroupStates());
        }
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
        return onLoop(CompletableFuture.supplyAsync(instances::status, loop));
    }

    @Override
    public Map<String, VrrpState> syncGroupStates() {
        return onLoop(CompletableFuture.supplyAsync(instances::groupStates, loop));
    }

    /** Hands over and stops every instance, then removes the static entries, before the loop ends. */
    @Deactivate
    void stop() {
        interfaces.removeListener(linkStates);
        tracker.close();
        files.close();
        try {
            onLoop(CompletableFuture.runAsync(() -> {
                instances.closeAll();
                statics.removeAll();
            }, loop));
        } finally {
            loop.close();
            scripts.close();
            // the FIFOs get the STOP lines before they close
            transitions.close();
            fifos.close();
        }
    }

    /** An instance that cannot run as configured is left out and said so; the others run. */
    private static List<InstancePlan> plans(KeepalivedConfig config) {
        List<InstancePlan> plans = new ArrayList<>();
        VmacNames vmacNames = VmacNames.of(config.vrrpInstances(), config.globalDefs().vrrp().vmacPrefix());
        for (VrrpInstance instance : config.vrrpInstances()) {
            try {
                VrrpSettings settings = VrrpSettingsMapper.map(instance, vmacNames);
                // with use_vmac the addresses go on the VMAC, as keepalived puts them
                Optional<String> addressDevice = settings.vmac().map(VirtualMac::interfaceName).or(instance::interfaceName);
                plans.add(new InstancePlan(settings, KernelSpecs.of(instance, addressDevice),
                        instance.notifyScripts(), tracking(instance, config)));
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
        config.syncGroups().stream().filter(group -> group.instances().contains(instance.name())).forEach(group -> {
            interfaces.addAll(group.trackInterfaces());
            scripts.addAll(group.trackScripts());
            files.addAll(group.trackFiles());
        });
        // keepalived drops a vrrp_script that enable_script_security refuses from tracking: it neither faults nor weighs
        Set<String> refused = config.vrrpScripts().stream().filter(script -> !script.script().runnable())
                .map(VrrpScript::name).collect(Collectors.toSet());
        scripts.removeIf(tracked -> refused.contains(tracked.name()));
        // dont_track_primary: the instance's own interface going down is no fault of the instance
        Optional<String> ownInterface = instance.dontTrackPrimary() ? Optional.empty() : instance.interfaceName();
        return new InstanceTracking(ownInterface, instance.priority(), interfaces, scripts, files);
    }

    /**
     * The vrrp_scripts some instance or group tracks and enable_script_security does not refuse; the
     * others are not run, as keepalived does not run them.
     */
    private static List<VrrpScript> trackedScripts(KeepalivedConfig config) {
        Set<String> names = new HashSet<>();
        config.vrrpInstances().forEach(instance -> instance.trackScripts().forEach(tracked -> names.add(tracked.name())));
        config.syncGroups().forEach(group -> group.trackScripts().forEach(tracked -> names.add(tracked.name())));
        return config.vrrpScripts().stream()
                .filter(script -> names.contains(script.name()) && script.script().runnable()).toList();
    }

    /** The track_files some instance or group tracks; the others are not read. */
    private static List<TrackFile> trackedFiles(KeepalivedConfig config) {
        Set<String> names = new HashSet<>();
        config.vrrpInstances().forEach(instance -> instance.trackFiles().forEach(tracked -> names.add(tracked.name())));
        config.syncGroups().forEach(group -> group.trackFiles().forEach(tracked -> names.add(tracked.name())));
        return config.trackFiles().stream().filter(file -> names.contains(file.name())).toList();
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
