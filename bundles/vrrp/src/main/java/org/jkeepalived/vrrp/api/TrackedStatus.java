package org.jkeepalived.vrrp.api;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One object a VRRP instance tracks (track_interface, track_script, track_file, track_process),
 * with its state of the moment.
 *
 * @param kind what it is
 * @param name the interface, vrrp_script, track_file or vrrp_track_process
 * @param weight its weight; 0 puts the instance in FAULT while the object is down
 * @param reverse whether the weight applies while the object is down rather than up
 * @param up whether it is up: an interface that carries traffic, a script that succeeds, a file
 *           whose value puts no FAULT on the instance, processes within their quorum
 * @param fileValue the value read from a track_file; empty for the other kinds
 */
public record TrackedStatus(Kind kind, String name, int weight, boolean reverse, boolean up, OptionalLong fileValue) {

    public TrackedStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileValue, "fileValue");
    }

    /** The kinds of tracked object, by their keywords. */
    public enum Kind {
        /** track_interface. */
        INTERFACE,
        /** track_script. */
        SCRIPT,
        /** track_file. */
        FILE,
        /** track_process. */
        PROCESS
    }
}
