package org.jkeepalived.config.internal.runtime;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigService;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.Diagnostic;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.internal.HostName;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration file at activation and on reload, applies it when it has no error, and
 * tells the {@link ConfigListener}s. Loading, applying and telling happen on one thread, the
 * configuration thread, which owns the current configuration.
 */
@Component(service = ConfigService.class, immediate = true)
public final class ConfigComponent implements ConfigService {

    /** The framework property that names the configuration file; bin/jkeepalived sets it from -f. */
    public static final String FILE_PROPERTY = "jkeepalived.config.file";
    /** The framework property of the config id; bin/jkeepalived sets it from -i. */
    public static final String ID_PROPERTY = "jkeepalived.config.id";
    /** The framework property that asks for the resolved configuration in the log; bin/jkeepalived sets it from -d. */
    public static final String DUMP_PROPERTY = "jkeepalived.config.dump";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);
    private static final Path DEFAULT_FILE = Path.of("/etc/keepalived/keepalived.conf");

    @Reference
    private CheckerRegistry registry;

    private final Set<ConfigListener> listeners = new CopyOnWriteArraySet<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread configThread = new Thread(runnable, "jkeepalived-config");
        configThread.setDaemon(true);
        return configThread;
    });
    private Path file;
    private String configId;
    private boolean dump;
    private ConfigReader reader;
    /** Written on the configuration thread only; read from any. */
    private volatile ConfigResult current;
    private long generation;

    @Activate
    void activate(BundleContext context) {
        String named = context.getProperty(FILE_PROPERTY);
        file = named == null || named.isBlank() ? DEFAULT_FILE : Path.of(named);
        String id = context.getProperty(ID_PROPERTY);
        configId = id == null || id.isBlank() ? HostName.shortName() : id;
        dump = Boolean.parseBoolean(context.getProperty(DUMP_PROPERTY));
        reader = ConfigReader.builder().configId(configId).checkers(registry::factory).build();
        thread.execute(this::load);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ConfigListener listener) {
        thread.execute(() -> {
            listeners.add(listener);
            ConfigResult now = current;
            if (now != null) {
                tell(listener, new ConfigUpdate(Optional.empty(), now.config().orElseThrow(), generation));
            }
        });
    }

    void removeListener(ConfigListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Path configFile() {
        return file;
    }

    @Override
    public String configId() {
        return configId;
    }

    @Override
    public Optional<ConfigResult> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public ConfigResult validate(Path other) {
        return reader.read(other);
    }

    @Override
    public ConfigResult reload() {
        if (Thread.currentThread().getName().equals("jkeepalived-config")) {
            return load();
        }
        try {
            return thread.submit(this::load).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the configuration was read", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the configuration failed", e.getCause());
        }
    }

    /** Reads the file and applies it if it has no error; runs on the configuration thread. */
    private ConfigResult load() {
        ConfigResult result = reader.read(file);
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.isError()) {
                LOG.error("{}", diagnostic);
            } else {
                LOG.warn("{}", diagnostic);
            }
        }
        if (result.config().isEmpty()) {
            LOG.error("{}; it is not applied, {}", result.summary(),
                    current == null ? "and no configuration runs" : "the previous configuration keeps running");
            return result;
        }
        Optional<KeepalivedConfig> previous = Optional.ofNullable(current).flatMap(ConfigResult::config);
        current = result;
        generation++;
        KeepalivedConfig config = result.config().get();
        LOG.info("configuration {} applied (generation {}, config id {}): {} vrrp_instance, {} virtual_server, {} warnings",
                file, generation, configId, config.vrrpInstances().size(), config.virtualServers().size(),
                result.warningCount());
        if (dump) {
            // One log record per line: the log layout escapes line ends.
            LOG.info("resolved configuration {}:", file);
            result.tree().render().lines().forEach(line -> LOG.info("  {}", line));
        }
        ConfigUpdate update = new ConfigUpdate(previous, config, generation);
        listeners.forEach(listener -> tell(listener, update));
        return result;
    }

    private static void tell(ConfigListener listener, ConfigUpdate update) {
        try {
            listener.configApplied(update);
        } catch (RuntimeException e) {
            LOG.error("configuration listener {} failed on generation {}", listener, update.generation(), e);
        }
    }
}
