package org.jkeepalived.checker.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jkeepalived.config.api.model.KeepalivedConfig;
import org.jkeepalived.config.api.model.lvs.CheckerBlock;
import org.jkeepalived.config.api.model.lvs.RealServer;
import org.jkeepalived.config.api.model.lvs.VirtualServer;
import org.jkeepalived.config.api.model.vrrp.TrackFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The track_file blocks of the running configuration, by name, for the FILE_CHECKs that refer to
 * them; at each configuration, writes the init_file value of those that FILE_CHECKs use.
 */
final class TrackFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TrackFiles.class);

    private volatile Map<String, TrackFile> byName = Map.of();

    /**
     * @param name a track_file block's name
     * @return the block, if the running configuration has it
     */
    Optional<TrackFile> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Takes the track_file blocks of a configuration now applied.
     *
     * @param config the configuration
     */
    void apply(KeepalivedConfig config) {
        byName = config.trackFiles().stream().collect(Collectors.toUnmodifiableMap(TrackFile::name, Function.identity(), (a, b) -> b));
        for (String name : usedByFileChecks(config)) {
            TrackFile file = byName.get(name);
            if (file == null) {
                LOG.error("FILE_CHECK: track_file {} is not defined; the real servers that check it are down", name);
            } else {
                initialise(file);
            }
        }
    }

    private static Set<String> usedByFileChecks(KeepalivedConfig config) {
        return config.virtualServers().stream()
                .map(VirtualServer::realServers).flatMap(java.util.List::stream)
                .map(RealServer::checkers).flatMap(java.util.List::stream)
                .map(CheckerBlock::definition).flatMap(Optional::stream)
                .filter(FileCheckDefinition.class::isInstance)
                .map(definition -> ((FileCheckDefinition) definition).trackFile())
                .collect(Collectors.toSet());
    }

    /** init_file: the value is written at start, over an existing file only with overwrite. */
    private static void initialise(TrackFile file) {
        Path path = Path.of(file.file());
        if (file.initialValue().isEmpty() || Files.exists(path) && !file.overwrite()) {
            return;
        }
        try {
            Files.writeString(path, file.initialValue().get() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.error("track_file {}: init_file cannot write {}: {}", file.name(), path, e.getMessage());
        }
    }
}
