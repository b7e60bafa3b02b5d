package org.jkeepalived.config.internal.bind;

import java.util.Optional;

import org.jkeepalived.checker.api.ConfigLocation;
import org.jkeepalived.config.api.model.vrrp.TrackFile;

/** track_file NAME { ... } (and its old name vrrp_track_file). */
final class TrackFileBinder {

    static final class Draft {
        final String name;
        final ConfigLocation location;
        String file;
        Tracking.Weight weight = new Tracking.Weight(1, false);
        Long initialValue;
        boolean overwrite;

        Draft(String name, ConfigLocation location) {
            this.name = name;
            this.location = location;
        }

        Optional<TrackFile> build(BindContext context) {
            if (file == null) {
                context.error(location, "track_file " + name + " has no file; expected file \"PATH\"");
                return Optional.empty();
            }
            return Optional.of(new TrackFile(name, file, weight.weight(), weight.reverse(), Optional.ofNullable(initialValue),
                    overwrite));
        }
    }

    static final Keywords<Draft> KEYWORDS = new Keywords<Draft>()
            .add("file", "file PATH", (d, a) -> a.single().ifPresent(v -> d.file = v))
            .add("weight", "weight <-2147483647..2147483647> [reverse]",
                    (d, a) -> Tracking.defaultWeight(a, Integer.MAX_VALUE).ifPresent(w -> d.weight = w))
            .add("init_file", "init_file [VALUE] [overwrite]", TrackFileBinder::initFile);

    private TrackFileBinder() {
    }

    private static void initFile(Draft draft, Args args) {
        args.atMost(2);
        draft.initialValue = 0L;
        for (int i = 0; i < args.size(); i++) {
            if (args.word(i).equals("overwrite")) {
                draft.overwrite = true;
            } else {
                args.integer(i, Integer.MIN_VALUE, Integer.MAX_VALUE).ifPresent(v -> draft.initialValue = v);
            }
        }
    }
}
