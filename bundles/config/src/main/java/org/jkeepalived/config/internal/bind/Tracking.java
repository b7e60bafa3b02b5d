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

    private void interfaces(Args args) {
        args.atMost(0);
        for (ConfigEntry entry : args.block().orElseThrow().entries()) {
            Args line = Args.line(entry, "track_interface", INTERFACE_USAGE, args.context());
            Optional<Integer> weight = weight(line, 253);
            if (weight != null) {
                interfaces.add(new TrackedInterface(entry.keyword(), weight.orElse(0), reverse(line).orElse(false)));
            }
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
            Args line = Args.line(entry, list, usage, args.context());
            Optional<Integer> weight = weight(line, maxWeight);
            if (weight != null) {
                into.add(new Reference(entry.keyword(), weight, reverse(line), entry.location()));
            }
        }
    }

    /**
     * Reads {@code weight W} after the name, and checks that nothing else but a direction follows.
     *
     * @return the weight if given, or null if the line has an error
     */
    private static Optional<Integer> weight(Args line, int max) {
        Integer weight = null;
        int i = 1;
        while (i < line.size()) {
            String word = line.word(i);
            if (word.equals("weight")) {
                if (!line.require(i + 2)) {
                    return null;
                }
                Optional<Long> value = line.integer(i + 1, -max, max);
                if (value.isEmpty()) {
                    return null;
                }
                weight = value.get().intValue();
                i += 2;
            } else if (word.equals("reverse") || word.equals("noreverse")) {
                i++;
            } else {
                line.error(i, "unexpected '" + word + "'; expected " + line.name() + " entries as " + usageOf(line));
                return null;
            }
        }
        return Optional.ofNullable(weight);
    }

    private static String usageOf(Args line) {
        return switch (line.name()) {
            case "track_interface" -> INTERFACE_USAGE;
            case "track_script" -> SCRIPT_USAGE;
            default -> FILE_USAGE;
        };
    }

    private static Optional<Boolean> reverse(Args line) {
        Boolean reverse = null;
        for (int i = 1; i < line.size(); i++) {
            if (line.word(i).equals("reverse")) {
                reverse = true;
            } else if (line.word(i).equals("noreverse")) {
                reverse = false;
            }
        }
        return Optional.ofNullable(reverse);
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
