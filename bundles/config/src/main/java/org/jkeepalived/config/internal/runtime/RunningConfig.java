package org.jkeepalived.config.internal.runtime;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.Diagnostic;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running configuration: reads the file, applies it when it has no error and tells the
 * listeners. Reading, applying and telling happen on one thread, the configuration thread, which
 * owns the current configuration; a file with errors changes nothing.
 */
final class RunningConfig implements AutoCloseable {

    static final String THREAD_NAME = "jkeepalived-config";

    private static final Logger LOG = LoggerFactory.getLogger(RunningConfig.class);

    private final ConfigReader reader;
    private final Path file;
    private final boolean dump;
    private final Set<ConfigListener> listeners = new CopyOnWriteArraySet<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread configThread = new Thread(runnable, THREAD_NAME);
        configThread.setDaemon(true);
        return configThread;
    });
    /** Written on the configuration thread only; read from any. */
    private volatile ConfigResult current;
    private volatile long generation;

    /**
     * @param reader reads the file
     * @param file the configuration file
     * @param dump whether each applied configuration is logged, resolved
     */
    RunningConfig(ConfigReader reader, Path file, boolean dump) {
        this.reader = reader;
        this.file = file;
        this.dump = dump;
    }

    Path file() {
        return file;
    }

    ConfigReader reader() {
        return reader;
    }

    Optional<ConfigResult> current() {
        return Optional.ofNullable(current);
    }

    long generation() {
        return generation;
    }

    /** Reads the file on the configuration thread and applies it if it has no error; waits for the outcome. */
    ConfigResult reload() {
        if (Thread.currentThread().getName().equals(THREAD_NAME)) {
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

    /** Starts reading the file without waiting. */
    void start() {
        thread.execute(this::load);
    }

    /** @param action runs on the configuration thread after what was given to it before, such as {@link #start} */
    void thenRun(Runnable action) {
        thread.execute(action);
    }

    /** Adds a listener, which is first told of the configuration that runs, if one does. */
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
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
                file, generation, reader.configId(), config.vrrpInstances().size(), config.virtualServers().size(),
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
