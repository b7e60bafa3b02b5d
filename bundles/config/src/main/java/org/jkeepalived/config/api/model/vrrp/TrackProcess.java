package org.jkeepalived.config.api.model.vrrp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * vrrp_track_process: the processes, matched exactly by name or command line, whose number the
 * instances that track it follow. The process is up while the number of matching processes, zombies
 * left out, is from {@code quorum} to {@code quorumMax}.
 *
 * @param name the name track_process entries refer to
 * @param process process: the name to match (the whole of /proc/PID/comm), or with full_command the
 *                command (the first word of /proc/PID/cmdline)
 * @param parameters process: the words after the name, matched against the command's parameters
 * @param parameterMatch how the parameters are matched; empty when neither parameters nor param_match
 *                       are given, and then any parameters match
 * @param weight weight: the default weight of track_process entries, -254 to 254 (default 0: FAULT
 *               while down)
 * @param reverse weight ... reverse: the weight applies the other way round
 * @param quorum quorum: the fewest matching processes that make it up (default 1, 0 with quorum_max 0)
 * @param quorumMax quorum_max: the most matching processes that keep it up; empty for no limit
 * @param forkDelay fork_delay (or delay): how long the quorum must hold before it is up
 * @param terminateDelay terminate_delay (or delay): how long the quorum must be lost before it is down
 * @param fullCommand full_command: the process string is matched against the command, not the name
 */
public record TrackProcess(String name, String process, List<String> parameters, Optional<ParameterMatch> parameterMatch,
        int weight, boolean reverse, int quorum, Optional<Integer> quorumMax, Duration forkDelay, Duration terminateDelay,
        boolean fullCommand) {

    /** The bytes of a process name that the kernel keeps in /proc/PID/comm. */
    public static final int NAME_BYTES = 15;

    public TrackProcess {
        parameters = List.copyOf(parameters);
    }

    /** param_match, and the exact match of parameters given without it. */
    public enum ParameterMatch {
        /** The command has exactly the parameters given. */
        EXACT,
        /** partial: the command's first parameters are those given; more may follow. */
        PARTIAL,
        /** initial: as exact, except that the last parameter given may be the start of the command's. */
        INITIAL
    }

    /** @return whether matching needs the command line, not only the name */
    public boolean readsCommandLine() {
        return fullCommand || parameterMatch.isPresent();
    }
}
