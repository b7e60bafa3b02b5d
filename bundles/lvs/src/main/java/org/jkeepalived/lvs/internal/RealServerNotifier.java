package org.jkeepalived.lvs.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.jkeepalived.config.api.model.Script;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.core.api.process.Scripts;
import org.jkeepalived.healthcheck.api.HealthEvent;
import org.jkeepalived.healthcheck.api.HealthListener;
import org.jkeepalived.healthcheck.api.RealServerKey;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real server's {@code notify_up} when it goes back into service and its
 * {@code notify_down} when it goes out, as keepalived's checker does: on the transitions only, not
 * for the first state of a real server nor for weight changes. Scripts are started and left to
 * run; the health listener thread never waits for them.
 */
@Component(service = {ConfigListener.class, HealthListener.class}, immediate = true)
public final class RealServerNotifier implements ConfigListener, HealthListener {

    private static final Logger LOG = LoggerFactory.getLogger(RealServerNotifier.class);

    private volatile Map<RealServerKey, RealServer> realServers = Map.of();

    @Override
    public void configApplied(ConfigUpdate update) {
        Map<RealServerKey, RealServer> byKey = new HashMap<>();
        for (VirtualServer virtualServer : update.current().virtualServers()) {
            for (RealServer realServer : virtualServer.realServers()) {
                byKey.put(RealServerKey.of(virtualServer, realServer), realServer);
            }
        }
        realServers = Map.copyOf(byKey);
    }

    @Override
    public void healthChanged(HealthEvent event) {
        RealServer realServer = realServers.get(event.key());
        if (realServer == null) {
            return;
        }
        Optional<Script> script = switch (event.kind()) {
            case UP -> realServer.notifyUp();
            case DOWN -> realServer.notifyDown();
            default -> Optional.empty();
        };
        // a script enable_script_security refuses is not run; the configuration said why
        script.filter(Script::runnable).ifPresent(notify -> run(notify, event));
    }

    private static void run(Script script, HealthEvent event) {
        try {
            Scripts.start(script.argv(), script.user(), script.group(), List.of());
        } catch (IOException e) {
            LOG.error("real server {} of {} is {}: cannot run {}: {}", event.key().realServerName(), event.key().virtualServerName(), event.kind(), script.command(), e.getMessage());
        }
    }
}
