package org.jkeepalived.checker.file;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jkeepalived.checker.api.CheckContext;
import org.jkeepalived.checker.api.CheckTarget;
import org.jkeepalived.checker.api.Checker;
import org.jkeepalived.checker.api.CheckerDefinition;

/**
 * A bound FILE_CHECK block: the name of the track_file and, when given, its own weight.
 */
final class FileCheckDefinition implements CheckerDefinition {

    private final String trackFile;
    private final OptionalInt weight;
    private final boolean reverse;
    private final TrackFiles trackFiles;

    /**
     * @param trackFile the track_file block's name
     * @param weight the block's weight, over the track_file's
     * @param reverse the block's reverse, with its weight
     * @param trackFiles where the track_file blocks of the running configuration are found
     */
    FileCheckDefinition(String trackFile, OptionalInt weight, boolean reverse, TrackFiles trackFiles) {
        this.trackFile = trackFile;
        this.weight = weight;
        this.reverse = reverse;
        this.trackFiles = trackFiles;
    }

    /** @return the track_file block's name */
    String trackFile() {
        return trackFile;
    }

    @Override
    public Checker newChecker(CheckTarget target, CheckContext context) {
        return new FileChecker(this, trackFiles);
    }

    /** @return the weight and reverse of this block, or else of the track_file */
    Optional<Weight> weight() {
        return weight.isPresent() ? Optional.of(new Weight(weight.getAsInt(), reverse)) : Optional.empty();
    }

    /** A weight and whether it is reversed. */
    record Weight(int weight, boolean reverse) {
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FileCheckDefinition)) {
            return false;
        }
        FileCheckDefinition that = (FileCheckDefinition) other;
        return trackFile.equals(that.trackFile) && weight.equals(that.weight) && reverse == that.reverse;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trackFile, weight, reverse);
    }

    @Override
    public String toString() {
        return "FILE_CHECK " + trackFile + weight.stream().mapToObj(w -> " weight " + w + (reverse ? " reverse" : "")).findFirst().orElse("");
    }
}
