package org.jkeepalived.dump.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigResult;
import org.jkeepalived.config.api.ConfigService;
import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.core.api.process.ReportFiles;
import org.jkeepalived.core.api.signal.ProcessSignal;
import org.jkeepalived.core.api.signal.SignalHandler;
import org.jkeepalived.dump.api.DumpService;
import org.jkeepalived.lvs.api.VirtualServerService;
import org.jkeepalived.lvs.api.VirtualServerStatus;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpService;
import org.jkeepalived.vrrp.api.VrrpState;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the running configuration, VRRP instances and virtual servers into one {@link RuntimeDump},
 * and writes keepalived's dump files on its signals: SIGUSR1 {@code keepalived.data} (VRRP) and
 * {@code keepalived_check.data} (virtual servers), SIGJSON {@code keepalived.json}, in the directory
 * the system property {@value #DIRECTORY_PROPERTY} names (the launcher gives {@code $TMPDIR}, as
 * keepalived uses it), else {@code /tmp}.
 */
@Component(immediate = true)
public final class RuntimeDumpComponent implements DumpService {

    /** The system property naming the directory of the dump files. */
    static final String DIRECTORY_PROPERTY = "jkeepalived.dump.dir";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeDumpComponent.class);

    private final ConfigService config;
    private final DataDumpFormat text = new DataDumpFormat(ZoneId.systemDefault());
    private final Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, "/tmp"));
    private final List<ServiceRegistration<SignalHandler>> signals;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VrrpService vrrp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VirtualServerService virtualServers;

    /**
     * @param config the running configuration
     * @param context where the signal handlers are registered
     */
    @Activate
    public RuntimeDumpComponent(@Reference ConfigService config, BundleContext context) {
        this.config = config;
        this.signals = List.of(
                context.registerService(SignalHandler.class, handler(ProcessSignal.USR1, this::writeDataFiles), null),
                context.registerService(SignalHandler.class, handler(ProcessSignal.JSON, this::writeJsonFile), null));
    }

    @Deactivate
    void stop() {
        signals.forEach(ServiceRegistration::unregister);
    }

    @Override
    public String text() {
        return text.all(read());
    }

    @Override
    public String json() {
        return JsonDumpFormat.json(read());
    }

    /** One reading of everything, the configuration last so that it covers the instances read. */
    RuntimeDump read() {
        VrrpService vrrpNow = vrrp;
        List<VrrpInstanceStatus> instances = vrrpNow == null ? List.of() : vrrpNow.instances();
        Map<String, VrrpState> groups = vrrpNow == null ? Map.of() : vrrpNow.syncGroupStates();
        VirtualServerService virtualServersNow = virtualServers;
        List<VirtualServerStatus> servers = List.of();
        Optional<String> unreadable = Optional.empty();
        if (virtualServersNow != null) {
            try {
                servers = virtualServersNow.virtualServers();
            } catch (IllegalStateException e) {
                unreadable = Optional.of(e.getMessage());
            }
        }
        KeepalivedConfig running = config.current().flatMap(ConfigResult::config)
                .orElseThrow(() -> new IllegalStateException("no configuration runs: " + config.configFile()
                        + " has not been read without errors"));
        return new RuntimeDump(running, vrrpNow != null, instances, groups, virtualServersNow != null, servers, unreadable);
    }

    private void writeDataFiles() {
        RuntimeDump dump = read();
        if (dump.vrrpRunning()) {
            write("keepalived.data", text.vrrpData(dump));
        }
        if (dump.checkerRunning()) {
            write("keepalived_check.data", text.checkData(dump));
        }
    }

    private void writeJsonFile() {
        write("keepalived.json", JsonDumpFormat.json(read()));
    }

    private void write(String name, String content) {
        Path file = directory.resolve(name);
        try {
            ReportFiles.replace(file, content);
            LOG.info("state dumped to {}", file);
        } catch (IOException e) {
            LOG.error("cannot write the state dump {}: {}", file, e.getMessage());
        }
    }

    private static SignalHandler handler(ProcessSignal signal, Runnable action) {
        return new SignalHandler() {
            @Override
            public ProcessSignal signal() {
                return signal;
            }

            @Override
            public void handle() {
                action.run();
            }

            @Override
            public String toString() {
                return "the state dump";
            }
        };
    }
}
