package org.jkeepalived.lvs.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.config.api.model.lvs.VirtualServerGroup;
import org.jkeepalived.core.api.process.Scripts;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.jkeepalived.ipvs.api.DataPlane;
import org.jkeepalived.ipvs.api.DataPlaneException;
import org.jkeepalived.ipvs.api.Operation;
import org.jkeepalived.ipvs.api.Reconciler;
import org.jkeepalived.ipvs.api.ServiceEntry;
import org.jkeepalived.ipvs.api.ServiceKey;
import org.jkeepalived.ipvs.api.ServiceTable;
import org.jkeepalived.lvs.api.VirtualServerService;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data plane in step with the virtual_servers of the running configuration and the
 * health of their real servers. Changes, of either, are worked out on a thread of its own into
 * the table the services should have, and only the differences are applied: services of this
 * configuration only, so that entries others made are left alone. Changes that come in a burst
 * (every real server is told at start, and each one added or reweighted by a reload) are applied
 * together, in one pass. A pass compares with the table it left last time; the data plane is read
 * only for the first pass and for the one after an operation failed, when what the data plane has
 * is no longer known. Stopping removes the services it made, as keepalived does. Its status is read
 * on the same thread, between two changes.
 */
@Component(service = {ConfigListener.class, HealthListener.class, VirtualServerService.class}, immediate = true)
public final class VirtualServers implements ConfigListener, HealthListener, VirtualServerService {

    /** How long a status waits for the change being applied; the data plane answers in far less. */
    private static final long STATUS_TIMEOUT_SECONDS = 30;
    /** A pass with more operations than this logs a count of each kind, and each operation at debug level only. */
    private static final int OPERATIONS_LOGGED_ONE_BY_ONE = 16;

    private static final Logger LOG = LoggerFactory.getLogger(VirtualServers.class);

    private final DataPlane plane;
    private final DataPlaneGlobals globals;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread named = new Thread(task, "lvs");
        named.setDaemon(true);
        return named;
    });
    /** Used on the thread only, as everything below. */
    private List<VirtualServer> servers = List.of();
    private Map<String, VirtualServerGroup> groups = Map.of();
    private final Map<RealServerKey, RealServerHealth> health = new HashMap<>();
    private final Map<String, Boolean> quorumUp = new HashMap<>();
    private Set<ServiceKey> owned = Set.of();
    /** The services of this configuration as the last pass left them in the data plane; null when unknown. */
    private ServiceTable applied;
    /** Whether a pass is queued behind the changes recorded so far. */
    private boolean applyQueued;

    /** @param plane where the services go */
    @Activate
    public VirtualServers(@Reference DataPlane plane) {
        this.plane = plane;
        this.globals = new DataPlaneGlobals(plane);
    }

    @Override
    public void configApplied(ConfigUpdate update) {
        KeepalivedConfig config = update.current();
        config.virtualServers().forEach(VirtualServers::warnOfWhatIsNotApplied);
        thread.execute(() -> {
            globals.apply(config.globalDefs().lvs());
            servers = config.virtualServers();
            Map<String, VirtualServerGroup> byName = new HashMap<>();
            config.virtualServerGroups().forEach(group -> byName.put(group.name(), group));
            groups = byName;
            Set<String> names = new HashSet<>();
            servers.forEach(server -> names.add(server.displayName()));
            quorumUp.keySet().retainAll(names);
            applySoon();
        });
    }

    @Override
    public void healthChanged(HealthEvent event) {
        thread.execute(() -> {
            if (event.kind() == HealthEvent.Kind.REMOVED) {
                health.remove(event.key());
            } else {
                health.put(event.key(), event.health());
            }
            applySoon();
        });
    }

    /** Queues a pass behind the changes queued now, unless one is queued already: it will see this change too. */
    private void applySoon() {
        if (applyQueued) {
            return;
        }
        try {
            thread.execute(this::applyQueued);
            applyQueued = true;
        } catch (RejectedExecutionException e) {
            // stopping: the pass of stop() removes the services
        }
    }

    /** Applies the changes recorded since the last pass, if a pass is queued for them. */
    private void applyQueued() {
        if (applyQueued) {
            applyQueued = false;
            apply();
        }
    }

    @Override
    public List<VirtualServerStatus> virtualServers() {
        try {
            return thread.submit(this::report).get(STATUS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the virtual servers were read", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the virtual servers did not answer within " + STATUS_TIMEOUT_SECONDS + " s", e);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the virtual servers are stopping", e);
        }
    }

    /** Removes the services this configuration made, then stops. */
    @Deactivate
    void stop() {
        thread.execute(() -> {
            servers = List.of();
            apply();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply() {
        List<ServiceEntry> desired = new ArrayList<>();
        for (VirtualServer server : servers) {
            try {
                desired.addAll(plan(server));
            } catch (IllegalArgumentException e) {
                LOG.error("{}: {}; it is not in the data plane", server.displayName(), e.getMessage());
            }
        }
        ServiceTable wanted = new ServiceTable(desired);
        Set<ServiceKey> keys = wanted.byKey().keySet();
        ServiceTable current = applied;
        if (current == null) {
            Set<ServiceKey> ours = new HashSet<>(owned);
            ours.addAll(keys);
            try {
                current = new ServiceTable(ServiceTable.read(plane).entries().stream().filter(entry -> ours.contains(entry.key())).toList());
            } catch (DataPlaneException e) {
                LOG.error("cannot read the data plane: {}; the virtual servers are applied at the next change", e.getMessage());
                return;
            }
        }
        List<Operation> operations = Reconciler.diff(current, wanted);
        boolean oneByOne = operations.size() <= OPERATIONS_LOGGED_ONE_BY_ONE;
        boolean failed = false;
        // a service the data plane refused takes no real servers: each would fail and log in vain
        Map<ServiceKey, Integer> leftOut = new LinkedHashMap<>();
        for (Operation operation : operations) {
            if (leftOut.computeIfPresent(operation.serviceKey(), (key, count) -> count + 1) != null) {
                continue;
            }
            try {
                operation.applyTo(plane);
                if (oneByOne) {
                    LOG.info("data plane: {}", describe(operation));
                } else {
                    LOG.debug("data plane: {}", describe(operation));
                }
            } catch (DataPlaneException e) {
                failed = true;
                LOG.error("data plane: {} failed: {}; the data plane is read again at the next change", describe(operation), e.getMessage());
                if (operation instanceof Operation.NewService) {
                    leftOut.put(operation.serviceKey(), 0);
                }
            }
        }
        leftOut.forEach((service, count) -> {
            if (count > 0) {
                LOG.error("data plane: {} changes of the real servers of {} left out, as the service is not there", count, service);
            }
        });
        if (!oneByOne) {
            LOG.info("data plane: {}", OperationCounts.of(operations));
        }
        owned = Set.copyOf(keys);
        applied = failed ? null : wanted;
    }

    private List<VirtualServerStatus> report() {
        // a status tells of every change made before it was asked for
        applyQueued();
        ServiceTable table;
        try {
            table = ServiceTable.read(plane);
        } catch (DataPlaneException e) {
            throw new IllegalStateException("cannot read the data plane: " + e.getMessage(), e);
        }
        List<VirtualServerStatus> statuses = new ArrayList<>();
        for (VirtualServer server : servers) {
            Optional<ServiceEntry> service;
            try {
                service = ServiceKeys.of(server, groups).stream().findFirst().flatMap(table::entry);
            } catch (IllegalArgumentException e) {
                // its group is missing or too large: it has no service, as apply() logged
                service = Optional.empty();
            }
            statuses.add(StatusReport.of(server, service, this::health, quorumUp.getOrDefault(server.displayName(), true)));
        }
        return statuses;
    }

    private List<ServiceEntry> plan(VirtualServer server) {
        List<ServiceKey> keys = ServiceKeys.of(server, groups);
        long live = ServicePlanner.liveWeight(server, this::health);
        boolean wasUp = quorumUp.getOrDefault(server.displayName(), true);
        boolean up = Quorum.up(server, live, wasUp);
        if (up != wasUp) {
            quorumUp.put(server.displayName(), up);
            LOG.warn("{}: quorum {}: live weight {}, quorum {}, hysteresis {}{}", server.displayName(), up ? "gained" : "lost",
                    live, server.quorum(), server.hysteresis(), server.sorryServer()
                            .map(sorry -> up ? "; sorry server removed" : "; sorry server " + sorry.address().getHostAddress() + " in")
                            .orElse(""));
            (up ? server.quorumUp() : server.quorumDown()).filter(Script::runnable).ifPresent(script -> run(script, server));
        }
        return ServicePlanner.plan(server, keys, this::health, up);
    }

    private static String describe(Operation operation) {
        if (operation instanceof Operation.NewService add) {
            return "adding service " + add.service();
        } else if (operation instanceof Operation.SetService set) {
            return "changing service " + set.service();
        } else if (operation instanceof Operation.DeleteService delete) {
            return "removing service " + delete.serviceKey();
        } else if (operation instanceof Operation.NewDestination add) {
            return "adding " + add.destination() + " to " + add.serviceKey();
        } else if (operation instanceof Operation.SetDestination set) {
            return "setting " + set.destination() + " in " + set.serviceKey();
        }
        Operation.DeleteDestination delete = (Operation.DeleteDestination) operation;
        return "removing " + delete.destination() + " from " + delete.serviceKey();
    }

    private Optional<RealServerHealth> health(RealServerKey key) {
        return Optional.ofNullable(health.get(key));
    }

    private static void warnOfWhatIsNotApplied(VirtualServer server) {
        server.persistenceEngine().ifPresent(engine -> LOG.warn("{}: persistence_engine {} is not applied: the data plane sets "
                + "no persistence engine, so persistence is by client address only", server.displayName(), engine));
        if (server.haSuspend() && server.address() instanceof VirtualServerAddress.Group) {
            LOG.warn("{}: ha_suspend is not applied to a virtual_server_group: its real servers are checked whether or not "
                    + "its addresses are on this host", server.displayName());
        }
    }

    private static void run(Script script, VirtualServer server) {
        try {
            Scripts.start(script.argv(), script.user(), script.group(), List.of());
        } catch (IOException e) {
            LOG.error("{}: cannot run {}: {}", server.displayName(), script, e.getMessage());
        }
    }
}
