package org.jkeepalived.config.internal.bind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.TrackProcess.ParameterMatch;

/** vrrp_track_process NAME { ... }. */
final class TrackProcessBinder {

    private static final Duration MAX_DELAY = Duration.ofDays(1);

    static final class Draft {
        final String name;
        final ConfigLocation location;
        String process;
        ConfigLocation processLocation;
        List<String> parameters = List.of();
        ParameterMatch parameterMatch;
        Tracking.Weight weight = new Tracking.Weight(0, false);
        Integer quorum;
        Integer quorumMax;
        ConfigLocation quorumMaxLocation;
        Duration forkDelay = Duration.ZERO;
        Duration terminateDelay = Duration.ZERO;
        boolean fullCommand;

        Draft(String name, ConfigLocation location) {
            this.name = name;
            this.location = location;
        }

        Optional<TrackProcess> build(BindContext context) {
            String where = "vrrp_track_process " + name;
            if (process == null) {
                context.error(location, where + " has no process; expected process NAME [PARAMETER ...]");
                return Optional.empty();
            }
            // quorum_max 0 alone means that the process must not run at all
            int least = quorum != null ? quorum : quorumMax != null ? Math.min(1, quorumMax) : 1;
            if (quorumMax != null && quorumMax < least) {
                context.error(quorumMaxLocation, where + ": quorum_max " + quorumMax + " is less than quorum " + least
                        + "; no number of processes would be up");
                return Optional.empty();
            }
            if (!fullCommand && process.getBytes(StandardCharsets.UTF_8).length > TrackProcess.NAME_BYTES) {
                context.warning(processLocation, where + ": '" + process + "' is longer than the " + TrackProcess.NAME_BYTES
                        + " bytes the kernel keeps of a process name; its first " + TrackProcess.NAME_BYTES
                        + " are matched (full_command matches the whole command)");
            }
            Optional<ParameterMatch> match = parameterMatch != null ? Optional.of(parameterMatch)
                    : parameters.isEmpty() ? Optional.empty() : Optional.of(ParameterMatch.EXACT);
            return Optional.of(new TrackProcess(name, process, parameters, match, weight.weight(), weight.reverse(), least,
                    Optional.ofNullable(quorumMax), forkDelay, terminateDelay, fullCommand));
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("process", "process NAME [PARAMETER ...]", TrackProcessBinder::process)
            .add("param_match", "param_match initial|partial", (d, a) -> a.single().flatMap(v -> a.choice(0,
                    Map.of("initial", ParameterMatch.INITIAL, "partial", ParameterMatch.PARTIAL)))
                    .ifPresent(v -> d.parameterMatch = v))
            .add("weight", "weight <-254..254> [reverse]",
                    (d, a) -> Tracking.defaultWeight(a, 254).ifPresent(w -> d.weight = w))
            .add("quorum", "quorum COUNT", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> d.quorum = v))
            .add("quorum_max", "quorum_max COUNT", (d, a) -> a.singleInt(0, Integer.MAX_VALUE).ifPresent(v -> {
                d.quorumMax = v;
                d.quorumMaxLocation = a.location(0);
            }))
            .add("fork_delay", "fork_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, MAX_DELAY).ifPresent(v -> d.forkDelay = v))
            .add("terminate_delay", "terminate_delay SECONDS",
                    (d, a) -> a.singleTimer(Duration.ZERO, MAX_DELAY).ifPresent(v -> d.terminateDelay = v))
            .add("delay", "delay SECONDS", (d, a) -> a.singleTimer(Duration.ZERO, MAX_DELAY).ifPresent(v -> {
                d.forkDelay = v;
                d.terminateDelay = v;
            }))
            .add("full_command", "full_command", (d, a) -> d.fullCommand = a.bare());

    private TrackProcessBinder() {
    }

    private static void process(Draft draft, Args args) {
        if (args.require(1)) {
            draft.process = args.word(0);
            draft.processLocation = args.location(0);
            draft.parameters = IntStream.range(1, args.size()).mapToObj(args::word).toList();
        }
    }
}
