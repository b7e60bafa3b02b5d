package org.jkeepalived.config.internal.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.jkeepalived.config.api.model.vrrp.TrackedFile;
import org.jkeepalived.config.api.model.vrrp.TrackedInterface;
import org.jkeepalived.config.api.model.vrrp.TrackedScript;
import org.jkeepalived.config.api.model.vrrp.VrrpScript;

/**
 * track_interface, track_script and track_file of a vrrp_instance or vrrp_sync_group. Scripts and
 * files are referred to by name; the references are resolved once every section is read, since
 * keepalived.conf may define a vrrp_script after the instance that tracks it.
 */
final class Tracking {

    private static final String INTERFACE_USAGE = "INTERFACE [weight <-253..253> [reverse]]";
    private static final String SCRIPT_USAGE = "NAME [weight <-253..253>] [reverse|noreverse]";
    private static final String FILE_USAGE = "NAME [weight <-254..254>] [reverse|noreverse]";

    /**
     * A tracked script or file as written: the weight and direction, if given, override the
     * referred block's.
     */
    record Reference(String name, Optional<Integer> weight, Optional<Boolean> reverse, ConfigLocation location) {
    }

    final List<TrackedInterface> interfaces = new ArrayList<>();
    final List<Reference> scripts = new ArrayList<>();
    final List<Reference> files = new ArrayList<>();

    /** Adds the tracking keywords to a section whose draft holds a {@code Tracking}. */
    static <D> void addTo(Keywords<D> keywords, Function<D, Tracking> tracking) {
        keywords.block("track_interface", "track_interface", (d, a) -> tracking.apply(d).interfaces(a))
                .block("track_script", "track_script", (d, a) -> tracking.apply(d).scripts(a))
                .block("track_file", "track_file", (d, a) -> tracking.apply(d).files(a))
                .unsupported("track_process", "track processes with a vrrp_script such as 'pidof NAME'")
                .unsupported("track_bfd", "BFD is not implemented");
    }

    /** What follows the name of a tracked interface, script or file. */
    private record Options(Optional<Integer> weight, Optional<Boolean> reverse) {
    }

    private void interfaces(Args args) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            options(Args.line(entry, "track_interface", INTERFACE_USAGE, args.context()), 253).ifPresent(options ->
                    interfaces.add(new TrackedInterface(entry.keyword(), options.weight().orElse(0),
                            options.reverse().orElse(false))));
        }
    }

    private void scripts(Args args) {
        references(args, "track_script", SCRIPT_USAGE, 253, scripts);
    }

    private void files(Args args) {
        references(args, "track_file", FILE_USAGE, 254, files);
    }

    private static void references(Args args, String list, String usage, int maxWeight, List<Reference> into) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            options(Args.line(entry, list, usage, args.context()), maxWeight).ifPresent(options ->
                    into.add(new Reference(entry.keyword(), options.weight(), options.reverse(), entry.location())));
        }
    }

    /**
     * Reads {@code [weight W] [reverse|noreverse]} after the name.
     *
     * @return the options, or empty if the line has an error (reported)
     */
    private static Optional<Options> options(Args line, int maxWeight) {
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
                line.error(i, "unexpected '" + word + "'; expected " + line.name() + " entries as " + usageOf(line));
                return Optional.empty();
            }
        }
        return Optional.of(new Options(Optional.ofNullable(weight), Optional.ofNullable(reverse)));
    }

    private static String usageOf(Args line) {
        return switch (line.name()) {
            case "track_interface" -> INTERFACE_USAGE;
            case "track_script" -> SCRIPT_USAGE;
            default -> FILE_USAGE;
        };
    }

    /** The tracked scripts, with the vrrp_script's weight and direction where the entry gives none. */
    List<TrackedScript> resolveScripts(Map<String, VrrpScript> known, BindContext context) {
        List<TrackedScript> resolved = new ArrayList<>();
        for (Reference reference : scripts) {
            VrrpScript script = known.get(reference.name());
            if (script == null) {
                context.error(reference.location(), "track_script: no vrrp_script named '" + reference.name() + "'");
            } else {
                resolved.add(new TrackedScript(reference.name(), reference.weight().orElse(script.weight()),
                        reference.reverse().orElse(script.reverse())));
            }
        }
        return resolved;
    }

    /** The tracked files, with the track_file block's weight and direction where the entry gives none. */
    List<TrackedFile> resolveFiles(Map<String, TrackFile> known, BindContext context) {
        List<TrackedFile> resolved = new ArrayList<>();
        for (Reference reference : files) {
            TrackFile file = known.get(reference.name());
            if (file == null) {
                context.error(reference.location(), "track_file: no track_file block named '" + reference.name() + "'");
            } else {
                resolved.add(new TrackedFile(reference.name(), reference.weight().orElse(file.weight()),
                        reference.reverse().orElse(file.reverse())));
            }
        }
        return resolved;
    }
}
