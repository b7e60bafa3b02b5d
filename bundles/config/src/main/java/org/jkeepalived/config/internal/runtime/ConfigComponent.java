package org.jkeepalived.config.internal.runtime;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.jkeepalived.checker.registry.api.CheckerRegistry;
import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigReader;
import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigService;
import org.jkeepalived.config.internal.HostName;
import org.jkeepalived.core.api.systemd.ServiceManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The configuration service of the container: the file, config id and dump flag come from framework
 * properties, which bin/jkeepalived sets from -f, -i and -d; the checker plugins from the checker
 * registry; listeners are whiteboard services. The service manager hears when a configuration is in
 * place and when a reload begins.
 */
@Component(service = ConfigService.class, immediate = true)
public final class ConfigComponent implements ConfigService {

    /** The framework property that names the configuration file. */
    public static final String FILE_PROPERTY = "jkeepalived.config.file";
    /** The framework property of the config id. */
    public static final String ID_PROPERTY = "jkeepalived.config.id";
    /** The framework property that asks for the resolved configuration in the log. */
    public static final String DUMP_PROPERTY = "jkeepalived.config.dump";

    private static final Path DEFAULT_FILE = Path.of("/etc/keepalived/keepalived.conf");

    @Reference
    private CheckerRegistry registry;

    @Reference
    private ServiceManager serviceManager;

    /** Listeners bound before activation, which DS may do: they join the running configuration at activation. */
    private final Set<ConfigListener> early = new HashSet<>();
    private RunningConfig running;

    @Activate
    synchronized void activate(BundleContext context) {
        String file = context.getProperty(FILE_PROPERTY);
        String id = context.getProperty(ID_PROPERTY);
        ConfigReader reader = ConfigReader.builder()
                .configId(id == null || id.isBlank() ? HostName.shortName() : id)
                .checkers(registry::factory)
                .build();
        running = new RunningConfig(reader, file == null || file.isBlank() ? DEFAULT_FILE : Path.of(file),
                Boolean.parseBoolean(context.getProperty(DUMP_PROPERTY)));
        early.forEach(running::addListener);
        early.clear();
        running.start();
        running.thenRun(serviceManager::configurationApplied);
    }

    @Deactivate
    void deactivate() {
        running.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addListener(ConfigListener listener) {
        if (running == null) {
            early.add(listener);
        } else {
            running.addListener(listener);
        }
    }

    synchronized void removeListener(ConfigListener listener) {
        if (running == null) {
            early.remove(listener);
        } else {
            running.removeListener(listener);
        }
    }

    @Override
    public Path configFile() {
        return running.file();
    }

    @Override
    public String configId() {
        return running.reader().configId();
    }

    @Override
    public Optional<ConfigResult> current() {
        return running.current();
    }

    @Override
    public long generation() {
        return running.generation();
    }

    @Override
    public ConfigResult validate(Path file) {
        return running.reader().read(file);
    }

    @Override
    public ConfigResult reload() {
        serviceManager.reloading();
        try {
            return running.reload();
        } finally {
            // the new file or, if it did not apply, the previous one runs
            serviceManager.configurationApplied();
        }
    }
}
