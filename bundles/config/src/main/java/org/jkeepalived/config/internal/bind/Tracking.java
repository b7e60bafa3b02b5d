package org.jkeepalived.config.internal.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.jkeepalived.config.api.model.vrrp.TrackProcess;
import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedProcess;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;

/**
 * track_interface, track_script, track_file and track_process of a vrrp_instance or
 * vrrp_sync_group. Scripts, files and processes are referred to by name; the references are resolved
 * once every section is read, since keepalived.conf may define a vrrp_script after the instance that
 * tracks it.
 */
final class Tracking {

    private static final String INTERFACE_USAGE = "INTERFACE [weight <-253..253> [reverse]]";

    /** Makes the entry of a tracked block from its name, weight and direction. */
    @FunctionalInterface
    private interface Entry<T> {
        T of(String name, int weight, boolean reverse);
    }

    /**
     * A block that instances track by name: the list keyword, what the block is called, the weights
     * an entry may give, the block's default weight and direction, and the entry it makes.
     */
    private record Kind<B, T>(String list, String block, int maxWeight, ToIntFunction<B> weight, Predicate<B> reverse,
            Entry<T> entry) {

        String usage() {
            return "NAME [weight <-" + maxWeight + ".." + maxWeight + ">] [reverse|noreverse]";
        }
    }

    private static final Kind<VrrpScript, TrackedScript> SCRIPT = new Kind<>("track_script", "vrrp_script", 253,
            VrrpScript::weight, VrrpScript::reverse, TrackedScript::new);
    private static final Kind<TrackFile, TrackedFile> FILE = new Kind<>("track_file", "track_file block", 254,
            TrackFile::weight, TrackFile::reverse, TrackedFile::new);
    private static final Kind<TrackProcess, TrackedProcess> PROCESS = new Kind<>("track_process", "vrrp_track_process",
            254, TrackProcess::weight, TrackProcess::reverse, TrackedProcess::new);

    /**
     * A tracked script, file or process as written: the weight and direction, if given, override the
     * referred block's.
     */
    record Reference(String name, Optional<Integer> weight, Optional<Boolean> reverse, ConfigLocation location) {
    }

    /** The blocks that instances and sync groups track by name, by their names. */
    record Blocks(Map<String, VrrpScript> scripts, Map<String, TrackFile> files, Map<String, TrackProcess> processes) {
    }

    /** A block's default weight and direction: {@code weight W [reverse]}. */
    record Weight(int weight, boolean reverse) {
    }

    final List<TrackedInterface> interfaces = new ArrayList<>();
    final List<Reference> scripts = new ArrayList<>();
    final List<Reference> files = new ArrayList<>();
    final List<Reference> processes = new ArrayList<>();

    /** Adds the tracking keywords to a section whose draft holds a {@code Tracking}. */
    static <D> void addTo(Keywords<D> keywords, Function<D, Tracking> tracking) {
        keywords.block("track_interface", "track_interface", (d, a) -> tracking.apply(d).interfaces(a))
                .block("track_script", "track_script", (d, a) -> references(a, SCRIPT, tracking.apply(d).scripts))
                .block("track_file", "track_file", (d, a) -> references(a, FILE, tracking.apply(d).files))
                .block("track_process", "track_process", (d, a) -> references(a, PROCESS, tracking.apply(d).processes))
                .unsupported("track_bfd", "BFD is not implemented");
    }

    /**
     * Reads a tracked block's {@code weight W [reverse]}, W from -max to max.
     *
     * @return the weight and direction, or empty if the line has an error (reported)
     */
    static Optional<Weight> defaultWeight(Args args, long max) {
        if (!args.require(1)) {
            return Optional.empty();
        }
        args.atMost(2);
        Optional<Long> weight = args.integer(0, -max, max);
        Optional<Boolean> reverse = args.has(1) ? args.choice(1, Map.of("reverse", true)) : Optional.of(false);
        return weight.isPresent() && reverse.isPresent()
                ? Optional.of(new Weight(weight.get().intValue(), reverse.get())) : Optional.empty();
    }

    /** What follows the name of a tracked interface, script, file or process. */
    private record Options(Optional<Integer> weight, Optional<Boolean> reverse) {
    }

    private void interfaces(Args args) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            options(Args.line(entry, "track_interface", INTERFACE_USAGE, args.context()), 253, INTERFACE_USAGE)
                    .ifPresent(options -> interfaces.add(new TrackedInterface(entry.keyword(), options.weight().orElse(0),
                            options.reverse().orElse(false))));
        }
    }

    private static void references(Args args, Kind<?, ?> kind, List<Reference> into) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            options(Args.line(entry, kind.list(), kind.usage(), args.context()), kind.maxWeight(), kind.usage())
                    .ifPresent(options -> into.add(new Reference(entry.keyword(), options.weight(), options.reverse(),
                            entry.location())));
        }
    }

    /**
     * Reads {@code [weight W] [reverse|noreverse]} after the name.
     *
     * @return the options, or empty if the line has an error (reported)
     */
    private static Optional<Options> options(Args line, int maxWeight, String usage) {
        Integer weight = null;
        Boolean reverse = null;
        int i = 1;
        while (i < line.size()) {
            String word = line.word(i);
            if (word.equals("weight")) {
                if (!line.require(i + 2)) {
                    return Optional.empty();
                }
                Optional<Long> value = line.integer(i + 1, -maxWeight, maxWeight);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                weight = value.get().intValue();
                i += 2;
            } else if (word.equals("reverse") || word.equals("noreverse")) {
                reverse = word.equals("reverse");
                i++;
            } else {
                line.error(i, "unexpected '" + word + "'; expected " + line.name() + " entries as " + usage);
                return Optional.empty();
            }
        }
        return Optional.of(new Options(Optional.ofNullable(weight), Optional.ofNullable(reverse)));
    }

    /** The tracked scripts, with the vrrp_script's weight and direction where the entry gives none. */
    List<TrackedScript> resolveScripts(Map<String, VrrpScript> known, BindContext context) {
        return resolve(scripts, known, SCRIPT, context);
    }

    /** The tracked files, with the track_file block's weight and direction where the entry gives none. */
    List<TrackedFile> resolveFiles(Map<String, TrackFile> known, BindContext context) {
        return resolve(files, known, FILE, context);
    }

    /** The tracked processes, with the vrrp_track_process's weight and direction where the entry gives none. */
    List<TrackedProcess> resolveProcesses(Map<String, TrackProcess> known, BindContext context) {
        return resolve(processes, known, PROCESS, context);
    }

    private static <B, T> List<T> resolve(List<Reference> references, Map<String, B> known, Kind<B, T> kind,
            BindContext context) {
        List<T> resolved = new ArrayList<>();
        for (Reference reference : references) {
            B block = known.get(reference.name());
            if (block == null) {
                context.error(reference.location(), kind.list() + ": no " + kind.block() + " named '" + reference.name() + "'");
            } else {
                resolved.add(kind.entry().of(reference.name(), reference.weight().orElse(kind.weight().applyAsInt(block)),
                        reference.reverse().orElse(kind.reverse().test(block))));
            }
        }
        return resolved;
    }
}
