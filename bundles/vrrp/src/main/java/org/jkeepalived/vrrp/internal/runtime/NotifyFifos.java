package org.jkeepalived.vrrp.internal.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jkeepalived.config.api.model.GlobalDefs;
import org.jkeepalived.config.api.model.NotifyFifo;
import org.jkeepalived.vrrp.api.VrrpInstanceStatus;
import org.jkeepalived.vrrp.api.VrrpListener;
import org.jkeepalived.vrrp.api.VrrpState;
import org.jkeepalived.vrrp.api.VrrpTransition;
import org.jkeepalived.vrrp.api.VrrpTransition.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every change of state to global_defs' notify_fifo and vrrp_notify_fifo, one line each as
 * keepalived writes it: {@code INSTANCE "VI_1" MASTER 100}, {@code GROUP "G1" BACKUP 0}, STOP when an
 * instance or group stops. Told on a listener thread of its own, so a FIFO never holds up VRRP.
 * Thread-safe.
 */
final class NotifyFifos implements VrrpListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyFifos.class);

    /** Guarded by this. */
    private List<NotifyFifo> configured = List.of();
    /** Guarded by this. */
    private List<FifoWriter> open = List.of();

    /**
     * Opens the FIFOs of a new configuration; those of the previous one are closed, unless they are
     * the same, which stay open with their scripts.
     *
     * @param globals the configuration's global_defs
     */
    synchronized void configure(GlobalDefs globals) {
        List<NotifyFifo> wanted = Stream.of(globals.notifyFifo(), globals.vrrpNotifyFifo()).flatMap(Optional::stream).toList();
        if (wanted.equals(configured)) {
            return;
        }
        closeOpen();
        List<FifoWriter> writers = new ArrayList<>();
        for (NotifyFifo fifo : wanted) {
            try {
                writers.add(FifoWriter.open(fifo));
                LOG.info("writing VRRP changes to notify fifo {}", fifo.path());
            } catch (IOException | RuntimeException e) {
                LOG.error("notify fifo {}: {}; VRRP changes are not written to it", fifo.path(), e.getMessage());
            }
        }
        configured = wanted;
        open = List.copyOf(writers);
    }

    @Override
    public synchronized void stateChanged(VrrpTransition transition) {
        String line = line(transition);
        open.forEach(writer -> writer.write(line));
    }

    /**
     * Writes the state of every instance and group, as keepalived does after a reload when
     * fifo_write_vrrp_states_on_reload is set, so that a reader started anew knows where things stand.
     *
     * @param instances the instances
     * @param groups the state of each sync group
     */
    synchronized void writeStates(List<VrrpInstanceStatus> instances, Map<String, VrrpState> groups) {
        List<String> lines = new ArrayList<>();
        instances.forEach(instance -> lines.add(line(Scope.INSTANCE, instance.name(), instance.state(), instance.priority())));
        groups.forEach((group, state) -> lines.add(line(Scope.SYNC_GROUP, group, state, 0)));
        lines.forEach(line -> open.forEach(writer -> writer.write(line)));
    }

    /**
     * @param transition a change of state
     * @return its line, with its newline
     */
    static String line(VrrpTransition transition) {
        return line(transition.scope(), transition.name(), transition.current(), transition.priority());
    }

    private static String line(Scope scope, String name, VrrpState state, int priority) {
        return (scope == Scope.INSTANCE ? "INSTANCE" : "GROUP") + " \"" + name + "\" "
                + (state == VrrpState.INITIALIZE ? "STOP" : state.name()) + " " + priority + "\n";
    }

    /** @return the lines each open FIFO dropped, in configuration order */
    synchronized List<Long> dropped() {
        return open.stream().map(FifoWriter::dropped).toList();
    }

    @Override
    public synchronized void close() {
        closeOpen();
        configured = List.of();
    }

    private void closeOpen() {
        open.forEach(FifoWriter::close);
        open = List.of();
    }
}
