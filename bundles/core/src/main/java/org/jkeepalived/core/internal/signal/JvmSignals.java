package org.jkeepalived.core.internal.signal;

import java.lang.reflect.Field;

import org.jkeepalived.core.api.linux.LinuxLibc;
import org.jkeepalived.core.api.signal.ProcessSignal;

import sun.misc.Signal;

/**
 * The JVM's signal objects for keepalived's signals. The JVM catches any signal number it is given,
 * but finds signals by name only, and has no name for real-time signals such as SIGJSON: that one is
 * made from a named signal whose number is changed, which needs
 * {@value #OPENS}.
 */
final class JvmSignals {

    /** The JVM options that let the number of a signal object be set. */
    static final String OPENS = "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED "
            + "--add-opens jdk.unsupported/sun.misc=ALL-UNNAMED";

    private JvmSignals() {
    }

    /**
     * @param signal one of keepalived's signals
     * @return the JVM's object for it
     * @throws IllegalStateException saying which JVM options are missing, for a real-time signal
     */
    static Signal of(ProcessSignal signal) {
        if (signal.jvmName() != null) {
            return new Signal(signal.jvmName());
        }
        return numbered(LinuxLibc.__libc_current_sigrtmin() + ProcessSignal.JSON_OFFSET_FROM_SIGRTMIN,
                "RTMIN+" + ProcessSignal.JSON_OFFSET_FROM_SIGRTMIN);
    }

    /** A signal object whose number and name are set on one of the JVM's own, of a signal it names. */
    private static Signal numbered(int number, String name) {
        Signal signal = new Signal("USR1");
        try {
            Field inner = Signal.class.getDeclaredField("iSignal");
            inner.setAccessible(true);
            Object internal = inner.get(signal);
            Field numberField = internal.getClass().getDeclaredField("number");
            Field nameField = internal.getClass().getDeclaredField("name");
            numberField.setAccessible(true);
            nameField.setAccessible(true);
            numberField.setInt(internal, number);
            nameField.set(internal, name);
            return signal;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the JVM cannot catch signal " + number + " unless started with " + OPENS
                    + " (" + e.getMessage() + ")", e);
        }
    }
}
