package org.jkeepalived.vrrp.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.TrackProcess.ParameterMatch;

/**
 * The processes a vrrp_track_process counts, matched exactly as pgrep "^NAME$" would, never as a
 * pattern: by name, of which the kernel keeps the first 15 bytes, or with full_command by the command
 * itself; and with parameters, or param_match, by the parameters too.
 */
final class ProcessPattern {

    private final String name;
    private final boolean fullCommand;
    private final Optional<ParameterMatch> parameterMatch;
    private final List<String> parameters;

    ProcessPattern(TrackProcess tracked) {
        this.name = tracked.fullCommand() ? tracked.process() : kernelName(tracked.process());
        this.fullCommand = tracked.fullCommand();
        this.parameterMatch = tracked.parameterMatch();
        this.parameters = tracked.parameters();
    }

    /** @return whether the process is one of those counted */
    boolean matches(RunningProcess process) {
        List<String> argv = process.argv();
        boolean named = fullCommand ? !argv.isEmpty() && argv.get(0).equals(name) : process.name().equals(name);
        return named && parameterMatch.map(match -> parametersMatch(match, argv.isEmpty() ? argv : argv.subList(1, argv.size())))
                .orElse(true);
    }

    private boolean parametersMatch(ParameterMatch match, List<String> actual) {
        // param_match without parameters: the command has none
        if (parameters.isEmpty()) {
            return actual.isEmpty();
        }
        int last = parameters.size() - 1;
        return switch (match) {
            case EXACT -> actual.equals(parameters);
            case PARTIAL -> actual.size() >= parameters.size() && actual.subList(0, parameters.size()).equals(parameters);
            case INITIAL -> actual.size() == parameters.size() && actual.subList(0, last).equals(parameters.subList(0, last))
                    && actual.get(last).startsWith(parameters.get(last));
        };
    }

    /** The first bytes of a name, as many as the kernel keeps in /proc/PID/comm. */
    private static String kernelName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= TrackProcess.NAME_BYTES ? name
                : new String(bytes, 0, TrackProcess.NAME_BYTES, StandardCharsets.UTF_8);
    }
}
