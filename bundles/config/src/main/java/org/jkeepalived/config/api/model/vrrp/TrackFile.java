package org.jkeepalived.config.api.model.vrrp;

import java.util.Optional;

/**
 * track_file (or its old name vrrp_track_file): a file whose number, times a weight, changes the
 * priority of the instances that track it.
 *
 * @param name the name track_file entries refer to
 * @param file file: the path
 * @param weight weight: the default weight of the entries that track it (default 1)
 * @param reverse weight ... reverse
 * @param initialValue init_file: the value written to the file at start, if set
 * @param overwrite init_file ... overwrite: the value is written even when the file exists
 */
public record TrackFile(String name, String file, int weight, boolean reverse, Optional<Long> initialValue,
        boolean overwrite) {
}
