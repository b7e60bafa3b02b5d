package org.jkeepalived.core.internal.signal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jkeepalived.core.api.signal.ProcessSignal;
import org.jkeepalived.core.api.signal.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * One signal caught for its handlers: the JVM's handler only queues the delivery on the signal's
 * own thread, which calls the handlers in turn. Closing it gives the signal back the JVM handler it
 * had before.
 */
final class CaughtSignal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaughtSignal.class);

    private final ProcessSignal signal;
    private final Signal jvmSignal;
    private final List<SignalHandler> handlers = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;
    private final sun.misc.SignalHandler previous;

    private CaughtSignal(ProcessSignal signal, Signal jvmSignal) {
        this.signal = signal;
        this.jvmSignal = jvmSignal;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread handling = new Thread(task, "jkeepalived-sig" + signal.name().toLowerCase());
            handling.setDaemon(true);
            return handling;
        });
        this.previous = Signal.handle(jvmSignal, delivered -> thread.execute(this::deliver));
    }

    /**
     * Catches a signal.
     *
     * @param signal the signal
     * @return the caught signal, with no handler yet
     * @throws IllegalStateException or {@link IllegalArgumentException} if the JVM cannot catch it,
     *         saying why
     */
    static CaughtSignal install(ProcessSignal signal) {
        CaughtSignal caught = new CaughtSignal(signal, JvmSignals.of(signal));
        // the JVM leaves a signal that was ignored when it started ignored (nohup does that to SIGHUP)
        if (caught.previous == sun.misc.SignalHandler.SIG_IGN) {
            LOG.warn("{} was ignored when jkeepalived started (under nohup?) and stays ignored: it does nothing; "
                    + "start jkeepalived without ignoring it, or use the keepalived:* shell commands", signal.signalName());
        }
        return caught;
    }

    void add(SignalHandler handler) {
        handlers.add(handler);
    }

    /** @return whether no handler is left */
    boolean remove(SignalHandler handler) {
        handlers.remove(handler);
        return handlers.isEmpty();
    }

    private void deliver() {
        for (SignalHandler handler : handlers) {
            try {
                handler.handle();
            } catch (RuntimeException e) {
                LOG.error("{}: {} failed: {}", signal.signalName(), handler, e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        Signal.handle(jvmSignal, previous);
        thread.shutdown();
    }
}
