package org.jkeepalived.healthcheck.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
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

    /** A real server as the control thread knows it. */
    private static final class Entry {
        final RealServerMonitor monitor;
        List<CheckerSlot> slots = List.of();
        /** The slots a plugin bound, and which plugin. */
        final Map<CheckerSlot, CheckerRegistration> bound = new IdentityHashMap<>();

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
        for (VirtualServer virtualServer : config.virtualServers()) {
            for (RealServer realServer : virtualServer.realServers()) {
                RealServerKey key = RealServerKey.of(virtualServer, realServer);
                if (wanted.putIfAbsent(key, realServer) != null) {
                    LOG.warn("real server {} is written twice; the first one is checked", key);
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
                entry = startServer(want.getKey(), want.getValue(), waiting);
                added++;
            } else if (reconfigure(entry, want.getValue(), waiting)) {
                changed++;
            }
            ordered.put(want.getKey(), entry);
        }
        servers.clear();
        servers.putAll(ordered);
        publishLookups();
        publisher.order(List.copyOf(servers.keySet()));
        LOG.info("health checking {} real servers of {} virtual servers: {} added, {} changed, {} removed", servers.size(),
                config.virtualServers().size(), added, changed, removed);
        waiting.forEach((keyword, locations) -> LOG.warn("{}: {} checks wait for a plugin serving {} (first at {}); "
                + "their real servers keep their first state until one is installed", CheckerBinder.notLoaded(keyword),
                locations.size(), keyword, locations.get(0)));
    }

    private Entry startServer(RealServerKey key, RealServer realServer, Map<String, List<ConfigLocation>> waiting) {
        Entry entry = new Entry(new RealServerMonitor(key, loops.next(), publisher, lateness));
        List<SlotPlan.Added> checkers = new ArrayList<>();
        List<CheckerSlot> slots = new ArrayList<>();
        for (CheckerBlock block : realServer.checkers()) {
            CheckerSlot slot = new CheckerSlot(block, realServer);
            slots.add(slot);
            checkers.add(new SlotPlan.Added(slot, bind(slot, entry.bound, waiting)));
        }
        entry.slots = slots;
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
                plan.add(new SlotPlan.Added(slot, bind(slot, bound, waiting)));
                changed = true;
            }
        }
        entry.slots = slots;
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

    private void publishLookups() {
        Map<RealServerKey, RealServerMonitor> lookups = new HashMap<>();
        servers.forEach((key, entry) -> lookups.put(key, entry.monitor));
        monitors = Map.copyOf(lookups);
    }
}
