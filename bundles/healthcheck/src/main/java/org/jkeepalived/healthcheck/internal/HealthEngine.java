package org.jkeepalived.healthcheck.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.config.api.model.net.IpAddresses;
import org.jkeepalived.healthcheck.api.CheckStatistics;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.CheckerState;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.HealthService;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health-checking engine: follows the configuration and the checker plugins, decides which
 * checker runs where, and answers for the health of every real server. Its bookkeeping belongs to
 * one thread, {@code healthcheck-control}; the caller's thread (the configuration thread, the
 * registry's) only queues work there and never waits. Each real server lives on one checker loop,
 * and the control thread hands it its work there.
 *
 * <p>{@link HealthCheckComponent} runs it in the container; it runs as well in a plain JVM, given a
 * {@link CheckerRegistry}, as the scale benchmark does.
 */
public final class HealthEngine implements HealthService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEngine.class);
    private static final long DETAIL_TIMEOUT_SECONDS = 5;
    /** How a checker suspended by ha_suspend says why it does not run. */
    static final String SUSPENDED = "ha_suspend: ";

    /** A real server as the control thread knows it. */
    private static final class Entry {
        final RealServerMonitor monitor;
        List<CheckerSlot> slots = List.of();
        /** The slots a plugin bound, and which plugin; none while suspended. */
        // sized for the one or two blocks of a real server: the default size takes 528 bytes each
        final Map<CheckerSlot, CheckerRegistration> bound = new IdentityHashMap<>(2);
        /** With ha_suspend, the address of its virtual server, which must be on this host for checks to run. */
        Optional<InetAddress> suspendedWithout = Optional.empty();
        boolean suspended;
        /** Its configuration, for a restart on a fresh loop. */
        RealServer realServer;

        Entry(RealServerMonitor monitor) {
            this.monitor = monitor;
        }
    }

    private final CheckerLoops loops;
    private final HealthPublisher publisher = new HealthPublisher();
    private final CheckerBinder binder;
    private final ProbeLateness lateness = new ProbeLateness();
    private final ExecutorService control = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "healthcheck-control");
        thread.setDaemon(true);
        return thread;
    });
    /** Owned by the control thread. */
    private final Map<RealServerKey, Entry> servers = new LinkedHashMap<>();
    /** What other threads may look up: a copy made by the control thread after each change. */
    private volatile Map<RealServerKey, RealServerMonitor> monitors = Map.of();
    /** The addresses of this host, once told: until then ha_suspend suspends nothing. Owned by the control thread. */
    private Optional<Set<InetAddress>> localAddresses = Optional.empty();

    /**
     * Starts the checker loops; checks start with the first configuration applied.
     *
     * @param loopThreads how many checker loops run
     * @param registry the checker plugins; tell the engine of its changes with {@link #pluginArrived}
     *                 and {@link #pluginLeft}
     */
    public HealthEngine(int loopThreads, CheckerRegistry registry) {
        this.loops = new CheckerLoops(loopThreads);
        this.binder = new CheckerBinder(registry);
    }

    /**
     * Checks the real servers of a configuration: new ones start, removed ones stop, and the
     * checkers of the others go on where their blocks did not change.
     *
     * @param config the configuration applied
     */
    public void apply(KeepalivedConfig config) {
        submit(() -> applyNow(config));
    }

    /**
     * A plugin now serves its keyword: the checks that waited for it start.
     *
     * @param registration the plugin
     */
    public void pluginArrived(CheckerRegistration registration) {
        submit(() -> startWaiting(registration));
    }

    /**
     * A plugin no longer serves its keyword: its checks stop and their real servers keep their state.
     *
     * @param registration the plugin
     */
    public void pluginLeft(CheckerRegistration registration) {
        submit(() -> stopServed(registration));
    }

    /**
     * The addresses on this host's interfaces changed: the checks of an {@code ha_suspend} virtual
     * server run only while its address is among them, as keepalived's do.
     *
     * @param addresses every address on this host now
     */
    public void localAddresses(Set<InetAddress> addresses) {
        Set<InetAddress> copy = Set.copyOf(addresses);
        submit(() -> {
            localAddresses = Optional.of(copy);
            suspendOrResume();
        });
    }

    /**
     * Adds a listener, first told of every real server checked now.
     *
     * @param listener the listener
     */
    public void addListener(HealthListener listener) {
        publisher.addListener(listener);
    }

    /**
     * @param listener a listener added before; it is told nothing more
     */
    public void removeListener(HealthListener listener) {
        publisher.removeListener(listener);
    }

    @Override
    public List<RealServerHealth> snapshot() {
        return publisher.snapshot();
    }

    @Override
    public Optional<RealServerHealth> health(RealServerKey key) {
        return publisher.health(key);
    }

    /** Reads the checkers of a real server on its loop. */
    @Override
    public Optional<List<CheckerDetail>> checkers(RealServerKey key) {
        RealServerMonitor monitor = monitors.get(key);
        if (monitor == null) {
            return Optional.empty();
        }
        if (monitor.loop().inEventLoop()) {
            return Optional.of(monitor.details());
        }
        try {
            return Optional.of(monitor.loop().submit(monitor::details).get(DETAIL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the checkers of " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the checker loop of " + key + " did not answer", e);
        }
    }

    @Override
    public CheckStatistics statistics() {
        List<RealServerHealth> all = publisher.snapshot();
        int running = all.stream().mapToInt(health -> (int) health.checkers().stream().filter(CheckerState::running).count()).sum();
        ProbeLateness.Histogram starts = lateness.histogram();
        return new CheckStatistics(all.size(), running, starts.count(), starts.percentile(50), starts.percentile(99), starts.max());
    }

    /** @return the checker loops by name, {@code checker-1} first; each may be replaced by {@link #restartLoop} */
    public Map<String, Executor> loops() {
        return loops.byName();
    }

    /**
     * Replaces a stuck checker loop with a fresh one and moves its real servers there: their checks
     * start again with the health they had, without telling listeners anything, so that the data
     * plane does not flap. The stuck loop is never waited for.
     *
     * @param name the stuck loop's name
     */
    public void restartLoop(String name) {
        CheckerLoops.Replacement replacement = loops.replace(name);
        submit(() -> moveServers(replacement));
    }

    /** @return the lateness of every probe start so far, for figures over a span of time */
    public ProbeLateness.Histogram lateness() {
        return lateness.histogram();
    }

    /** Stops every check, without telling listeners, and closes the loops. */
    @Override
    public void close() {
        control.shutdown();
        try {
            if (!control.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the health-checking control thread did not stop in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RealServerMonitor monitor : monitors.values()) {
            monitor.loop().execute(monitor::shutdown);
        }
        loops.close();
        publisher.close();
    }

    private void submit(Runnable work) {
        try {
            control.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("health checking: applying a change failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("health checking stopped: change ignored");
        }
    }

    private void applyNow(KeepalivedConfig config) {
        Map<RealServerKey, RealServer> wanted = new LinkedHashMap<>();
        Map<RealServerKey, Optional<InetAddress>> suspendable = new HashMap<>();
        for (VirtualServer virtualServer : config.virtualServers()) {
            for (RealServer realServer : virtualServer.realServers()) {
                RealServerKey key = RealServerKey.of(virtualServer, realServer);
                if (wanted.putIfAbsent(key, realServer) != null) {
                    LOG.warn("real server {} is written twice; the first one is checked", key);
                } else {
                    suspendable.put(key, suspendedWithout(virtualServer));
                }
            }
        }
        int removed = 0;
        for (var iterator = servers.entrySet().iterator(); iterator.hasNext();) {
            var entry = iterator.next();
            if (!wanted.containsKey(entry.getKey())) {
                RealServerMonitor monitor = entry.getValue().monitor;
                monitor.loop().execute(monitor::remove);
                iterator.remove();
                removed++;
            }
        }
        int added = 0;
        int changed = 0;
        Map<String, List<ConfigLocation>> waiting = new TreeMap<>();
        Map<RealServerKey, Entry> ordered = new LinkedHashMap<>();
        for (Map.Entry<RealServerKey, RealServer> want : wanted.entrySet()) {
            Entry entry = servers.get(want.getKey());
            if (entry == null) {
                entry = startServer(want.getKey(), want.getValue(), suspendable.get(want.getKey()), waiting);
                added++;
            } else {
                if (reconfigure(entry, want.getValue(), waiting)) {
                    changed++;
                }
                entry.suspendedWithout = suspendable.get(want.getKey());
            }
            ordered.put(want.getKey(), entry);
        }
        servers.clear();
        servers.putAll(ordered);
        suspendOrResume();
        publishLookups();
        publisher.order(List.copyOf(servers.keySet()));
        LOG.info("health checking {} real servers of {} virtual servers: {} added, {} changed, {} removed", servers.size(),
                config.virtualServers().size(), added, changed, removed);
        waiting.forEach((keyword, locations) -> LOG.warn("{}: {} checks wait for a plugin serving {} (first at {}); "
                + "their real servers keep their first state until one is installed", CheckerBinder.notLoaded(keyword),
                locations.size(), keyword, locations.get(0)));
    }

    /** ha_suspend takes an address; keepalived ignores it for firewall marks, and so for groups here. */
    private static Optional<InetAddress> suspendedWithout(VirtualServer virtualServer) {
        return virtualServer.haSuspend() && virtualServer.address() instanceof VirtualServerAddress.Ip ip
                ? Optional.of(ip.address()) : Optional.empty();
    }

    /** Suspends the checks of real servers whose ha_suspend address left this host, and resumes those whose address came back. */
    private void suspendOrResume() {
        Map<String, Integer> suspended = new TreeMap<>();
        Map<String, Integer> resumed = new TreeMap<>();
        for (Entry entry : servers.values()) {
            boolean suspend = mustSuspend(entry);
            if (suspend && !entry.suspended) {
                suspend(entry);
                suspended.merge(IpAddresses.format(entry.suspendedWithout.orElseThrow()), 1, Integer::sum);
            } else if (!suspend && entry.suspended) {
                resume(entry);
                resumed.merge(entry.suspendedWithout.map(address -> IpAddresses.format(address) + " is on this host")
                        .orElse("no longer set"), 1, Integer::sum);
            }
            entry.suspended = suspend;
        }
        suspended.forEach((address, count) -> LOG.info("ha_suspend: {} is not on this host: the checks of {} real servers "
                + "are suspended, their state kept", address, count));
        resumed.forEach((why, count) -> LOG.info("ha_suspend: {}: the checks of {} real servers resume", why, count));
    }

    private boolean mustSuspend(Entry entry) {
        return localAddresses.isPresent()
                && entry.suspendedWithout.filter(address -> !localAddresses.get().contains(address)).isPresent();
    }

    private static Binding suspension(Entry entry) {
        return new Binding.Unbound(SUSPENDED + IpAddresses.format(entry.suspendedWithout.orElseThrow()) + " is not on this host");
    }

    private static void suspend(Entry entry) {
        Binding stopped = suspension(entry);
        entry.bound.clear();
        RealServerMonitor monitor = entry.monitor;
        for (CheckerSlot slot : entry.slots) {
            monitor.loop().execute(() -> monitor.bind(slot, stopped));
        }
    }

    private void resume(Entry entry) {
        RealServerMonitor monitor = entry.monitor;
        for (CheckerSlot slot : entry.slots) {
            Binding binding = binder.bind(slot);
            if (binding instanceof Binding.Bound done) {
                entry.bound.put(slot, done.registration());
            }
            monitor.loop().execute(() -> monitor.bind(slot, binding));
        }
    }

    private Entry startServer(RealServerKey key, RealServer realServer, Optional<InetAddress> suspendedWithout,
            Map<String, List<ConfigLocation>> waiting) {
        Entry entry = new Entry(new RealServerMonitor(key, loops.next(), publisher, lateness));
        entry.suspendedWithout = suspendedWithout;
        // a real server that must wait never probes; suspendOrResume then marks it suspended and says so
        boolean suspend = mustSuspend(entry);
        List<SlotPlan.Added> checkers = new ArrayList<>();
        List<CheckerSlot> slots = new ArrayList<>();
        for (CheckerBlock block : realServer.checkers()) {
            CheckerSlot slot = new CheckerSlot(block, realServer);
            slots.add(slot);
            checkers.add(new SlotPlan.Added(slot, suspend ? suspension(entry) : bind(slot, entry.bound, waiting)));
        }
        entry.slots = List.copyOf(slots);
        entry.realServer = realServer;
        RealServerMonitor monitor = entry.monitor;
        monitor.loop().execute(() -> monitor.start(realServer, checkers));
        return entry;
    }

    /** @return whether a checker block was added, changed or removed */
    private boolean reconfigure(Entry entry, RealServer realServer, Map<String, List<ConfigLocation>> waiting) {
        List<CheckerSlot> unmatched = new ArrayList<>(entry.slots);
        List<SlotPlan> plan = new ArrayList<>();
        List<CheckerSlot> slots = new ArrayList<>();
        Map<CheckerSlot, CheckerRegistration> bound = new IdentityHashMap<>();
        boolean changed = false;
        for (CheckerBlock block : realServer.checkers()) {
            CheckerSlot slot = new CheckerSlot(block, realServer);
            slots.add(slot);
            CheckerSlot previous = unmatched.stream().filter(old -> old.sameChecker(block)).findFirst().orElse(null);
            if (previous != null) {
                unmatched.remove(previous);
                plan.add(new SlotPlan.Kept(previous, slot));
                CheckerRegistration registration = entry.bound.get(previous);
                if (registration != null) {
                    bound.put(slot, registration);
                } else {
                    noteWaiting(slot, waiting);
                }
            } else {
                plan.add(new SlotPlan.Added(slot, entry.suspended ? suspension(entry) : bind(slot, bound, waiting)));
                changed = true;
            }
        }
        entry.slots = List.copyOf(slots);
        entry.realServer = realServer;
        entry.bound.clear();
        entry.bound.putAll(bound);
        List<CheckerSlot> gone = List.copyOf(unmatched);
        RealServerMonitor monitor = entry.monitor;
        monitor.loop().execute(() -> monitor.reconfigure(realServer, plan, gone));
        return changed || !gone.isEmpty();
    }

    /** Binds a slot with the plugin serving now, and notes in {@code bound} which one it was. */
    private Binding bind(CheckerSlot slot, Map<CheckerSlot, CheckerRegistration> bound, Map<String, List<ConfigLocation>> waiting) {
        Binding binding = binder.bind(slot);
        if (binding instanceof Binding.Bound done) {
            bound.put(slot, done.registration());
        } else {
            noteWaiting(slot, waiting);
        }
        return binding;
    }

    private void noteWaiting(CheckerSlot slot, Map<String, List<ConfigLocation>> waiting) {
        if (binder.serving(slot.keyword()).isEmpty()) {
            waiting.computeIfAbsent(slot.keyword(), k -> new ArrayList<>()).add(slot.location());
        }
    }

    private void startWaiting(CheckerRegistration registration) {
        Optional<CheckerBinder.Served> served = binder.serving(registration.keyword())
                .filter(now -> now.registration().serviceId() == registration.serviceId());
        if (served.isEmpty()) {
            return;
        }
        int started = 0;
        for (Entry entry : servers.values()) {
            if (entry.suspended) {
                continue;
            }
            for (CheckerSlot slot : entry.slots) {
                if (slot.keyword().equals(registration.keyword()) && !entry.bound.containsKey(slot)) {
                    Binding binding = binder.bind(slot, served.get());
                    if (binding instanceof Binding.Bound) {
                        entry.bound.put(slot, registration);
                        started++;
                    }
                    RealServerMonitor monitor = entry.monitor;
                    monitor.loop().execute(() -> monitor.bind(slot, binding));
                }
            }
        }
        if (started > 0) {
            LOG.info("checker {} served by {}: {} checks start", registration.keyword(), registration.origin(), started);
        }
    }

    private void stopServed(CheckerRegistration registration) {
        String reason = CheckerBinder.notLoaded(registration.keyword()) + ": " + registration.origin() + " left";
        Binding stopped = new Binding.Unbound(reason);
        int count = 0;
        for (Entry entry : servers.values()) {
            for (CheckerSlot slot : entry.slots) {
                CheckerRegistration by = entry.bound.get(slot);
                if (by != null && by.serviceId() == registration.serviceId()) {
                    entry.bound.remove(slot);
                    RealServerMonitor monitor = entry.monitor;
                    monitor.loop().execute(() -> monitor.bind(slot, stopped));
                    count++;
                }
            }
        }
        if (count > 0) {
            LOG.warn("checker {} of {} stopped: {} checks stop, and their real servers keep their state until a plugin "
                    + "serves {} again", registration.keyword(), registration.origin(), count, registration.keyword());
        }
    }

    private void moveServers(CheckerLoops.Replacement replacement) {
        int moved = 0;
        for (Map.Entry<RealServerKey, Entry> server : servers.entrySet()) {
            Entry stuck = server.getValue();
            if (stuck.monitor.loop() != replacement.stuck()) {
                continue;
            }
            Entry entry = new Entry(new RealServerMonitor(server.getKey(), replacement.fresh(), publisher, lateness));
            entry.realServer = stuck.realServer;
            entry.slots = stuck.slots;
            entry.suspendedWithout = stuck.suspendedWithout;
            entry.suspended = stuck.suspended;
            List<SlotPlan.Added> checkers = new ArrayList<>();
            for (CheckerSlot slot : entry.slots) {
                checkers.add(new SlotPlan.Added(slot, entry.suspended ? suspension(entry) : bind(slot, entry.bound, new TreeMap<>())));
            }
            // what was published last is the health listeners and the data plane know
            Optional<RealServerHealth> last = publisher.health(server.getKey());
            RealServerMonitor monitor = entry.monitor;
            RealServer realServer = entry.realServer;
            monitor.loop().execute(() -> monitor.resume(realServer, checkers, last));
            server.setValue(entry);
            moved++;
        }
        publishLookups();
        LOG.warn("health checking: the checks of {} real servers resume on the fresh loop with their state", moved);
    }

    private void publishLookups() {
        Map<RealServerKey, RealServerMonitor> lookups = new HashMap<>();
        servers.forEach((key, entry) -> lookups.put(key, entry.monitor));
        monitors = Map.copyOf(lookups);
    }
}
