package org.jkeepalived.core.internal.signal;

import java.util.EnumMap;
import java.util.Map;

import org.jkeepalived.core.api.signal.ProcessSignal;
import org.jkeepalived.core.api.signal.SignalHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches each signal some {@link SignalHandler} service answers, and only those: a signal nobody
 * answers keeps the JVM's meaning (SIGHUP stops the process until the configuration bundle is there).
 */
@Component(immediate = true)
public final class SignalDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SignalDispatcher.class);

    /** Guarded by this. */
    private final Map<ProcessSignal, CaughtSignal> caught = new EnumMap<>(ProcessSignal.class);

    /** @param handler answers its signal from now on */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addHandler(SignalHandler handler) {
        ProcessSignal signal = handler.signal();
        CaughtSignal current = caught.get(signal);
        if (current == null) {
            try {
                current = CaughtSignal.install(signal);
            } catch (RuntimeException e) {
                LOG.error("{} cannot be caught, {} does not answer it: {}", signal.signalName(), handler, e.getMessage());
                return;
            }
            caught.put(signal, current);
        }
        current.add(handler);
    }

    /** @param handler no longer answers; the signal is released with its last handler */
    synchronized void removeHandler(SignalHandler handler) {
        CaughtSignal current = caught.get(handler.signal());
        if (current != null && current.remove(handler)) {
            caught.remove(handler.signal()).close();
        }
    }

    @Deactivate
    synchronized void stop() {
        caught.values().forEach(CaughtSignal::close);
        caught.clear();
    }
}
