package org.jkeepalived.healthcheck.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.registry.api.CheckerRegistration;
import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.Protocol;
import org.jkeepalived.config.api.model.lvs.VirtualServerAddress;
import org.jkeepalived.healthcheck.api.CheckerDetail;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.RealServerHealth;
import org.jkeepalived.healthcheck.api.RealServerKey;

/**
 * The engine as the container runs it, without the container: configurations read from
 * keepalived.conf text by the real reader, plugins installed and removed as the checker registry
 * reports them, and a listener that records every event.
 */
final class EngineHarness implements AutoCloseable {

    /** The virtual server of the tests' configurations. */
    static final VirtualServerAddress VIRTUAL_SERVER = new VirtualServerAddress.Ip(address("192.0.2.1"), 80);

    private final Map<String, CheckerBinder.Served> plugins = new ConcurrentHashMap<>();
    private final AtomicLong serviceIds = new AtomicLong(100);
    final HealthEngine engine = new HealthEngine(2, new PluginRegistry());
    final Recorder events = new Recorder();

    EngineHarness() {
        engine.addListener(events);
    }

    /** Installs a plugin, as the registry tells of one that arrives. */
    CheckerRegistration install(CheckerFactory factory) {
        CheckerRegistration registration = new CheckerRegistration(factory.keyword(), factory.subKeywords(),
                "org.example." + factory.keyword().toLowerCase(), "1.0.0", 7, serviceIds.incrementAndGet(), 0);
        plugins.put(factory.keyword(), new CheckerBinder.Served(registration, factory));
        engine.pluginArrived(registration);
        return registration;
    }

    /** Removes a plugin, as the registry tells of one that leaves. */
    void uninstall(CheckerRegistration registration) {
        plugins.remove(registration.keyword());
        engine.pluginLeft(registration);
    }

    /** Reads keepalived.conf text with the plugins installed now and applies it. */
    void apply(String keepalivedConf) {
        ConfigResult result = ConfigReader.builder().configId("test").hostName("test")
                .checkers(keyword -> Optional.ofNullable(plugins.get(keyword)).map(CheckerBinder.Served::factory))
                .build().read("keepalived.conf", keepalivedConf);
        KeepalivedConfig config = result.config().orElseThrow(() -> new AssertionError(result.diagnostics().stream()
                .map(Object::toString).collect(Collectors.joining("\n"))));
        engine.apply(config);
    }

    /** @return the key of real server 127.0.0.1:port of the tests' virtual server */
    static RealServerKey key(int port) {
        return new RealServerKey(VIRTUAL_SERVER, Optional.of(Protocol.TCP), InetAddress.getLoopbackAddress(), port);
    }

    RealServerHealth health(int port) {
        return engine.health(key(port)).orElseThrow(() -> new AssertionError("127.0.0.1:" + port + " is not checked"));
    }

    List<CheckerDetail> checkers(int port) {
        return engine.checkers(key(port)).orElseThrow();
    }

    /** Waits for an event and returns it. */
    HealthEvent awaitEvent(HealthEvent.Kind kind, int port) {
        return awaitEvent(kind, port, Duration.ofSeconds(10));
    }

    HealthEvent awaitEvent(HealthEvent.Kind kind, int port, Duration within) {
        Predicate<Recorded> wanted = event -> event.event().kind() == kind && event.event().key().equals(key(port));
        await().atMost(within).until(() -> events.all().stream().anyMatch(wanted));
        return events.all().stream().filter(wanted).findFirst().orElseThrow().event();
    }

    @Override
    public void close() {
        engine.close();
    }

    /** The registry of the plugins the test installed: one per keyword. */
    private final class PluginRegistry implements CheckerRegistry {
        @Override
        public Optional<CheckerFactory> factory(String keyword) {
            return Optional.ofNullable(plugins.get(keyword)).map(CheckerBinder.Served::factory);
        }

        @Override
        public Optional<CheckerRegistration> serving(String keyword) {
            return Optional.ofNullable(plugins.get(keyword)).map(CheckerBinder.Served::registration);
        }

        @Override
        public List<CheckerRegistration> registrations() {
            return plugins.values().stream().map(CheckerBinder.Served::registration).toList();
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An event and when it was told. */
    record Recorded(HealthEvent event, long nanoTime, String thread) {
    }

    /** Records every event with the time and thread it was told on. */
    static final class Recorder implements HealthListener {
        private final List<Recorded> events = new CopyOnWriteArrayList<>();

        @Override
        public void healthChanged(HealthEvent event) {
            events.add(new Recorded(event, System.nanoTime(), Thread.currentThread().getName()));
        }

        List<Recorded> all() {
            return List.copyOf(events);
        }

        /** @return the kinds told of one real server, in order */
        List<HealthEvent.Kind> kinds(int port) {
            return events.stream().filter(recorded -> recorded.event().key().equals(key(port)))
                    .map(recorded -> recorded.event().kind()).toList();
        }

        Set<String> threads() {
            return events.stream().map(Recorded::thread).collect(Collectors.toSet());
        }
    }

    /** Waits until a condition on the engine's snapshot holds. */
    void awaitHealth(int port, Predicate<RealServerHealth> condition) {
        await().atMost(10, SECONDS).until(() -> engine.health(key(port)).filter(condition).isPresent());
    }
}
