package org.jkeepalived.checker.file;

import java.util.OptionalInt;
import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.checker.api.Diagnostics;
import org.jkeepalived.config.api.ConfigListener;
import org.jkeepalived.config.api.ConfigUpdate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code FILE_CHECK}: follows the number in the file of a top-level {@code track_file} block. With
 * weight 0 the real server is down while the number is not 0 (while it is 0 with {@code reverse});
 * otherwise the number times the weight is added to the real server's weight. The weight is the
 * block's {@code weight}, else the track_file's. {@code dynamic} is accepted as keepalived.conf(5)
 * writes it; keepalived 2.3 and jkeepalived always apply the weight.
 */
@Component(service = {CheckerFactory.class, ConfigListener.class})
public final class FileCheckerFactory implements CheckerFactory, ConfigListener {

    private final TrackFiles trackFiles = new TrackFiles();

    @Override
    public String keyword() {
        return "FILE_CHECK";
    }

    @Override
    public Set<String> subKeywords() {
        return Set.of("track_file", "weight", "dynamic");
    }

    @Override
    public CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        String name = block.last("track_file").map(entry -> {
            if (entry.arguments().size() != 1) {
                diagnostics.error(entry.location(), "track_file takes the name of one track_file block");
                return "";
            }
            return entry.arguments().get(0);
        }).orElse("");
        if (block.last("track_file").isEmpty()) {
            diagnostics.error(block.location(), "FILE_CHECK needs the track_file it follows: track_file NAME");
        }
        OptionalInt weight = OptionalInt.empty();
        boolean reverse = false;
        ConfigEntry entry = block.last("weight").orElse(null);
        if (entry != null) {
            String value = entry.arguments().isEmpty() ? "" : entry.arguments().get(0);
            if (value.matches("[+-]?[0-9]{1,10}") && Math.abs(Long.parseLong(value)) <= Integer.MAX_VALUE) {
                weight = OptionalInt.of(Integer.parseInt(value));
            } else {
                diagnostics.error(entry.arguments().isEmpty() ? entry.location() : entry.argumentLocation(0),
                        "weight is a number from -2147483647 to 2147483647, not '" + value + "'");
            }
            if (entry.arguments().size() > 1) {
                String option = entry.arguments().get(1);
                reverse = option.equals("reverse");
                if (!reverse && !option.equals("noreverse") || entry.arguments().size() > 2) {
                    diagnostics.error(entry.argumentLocation(1), "weight takes a number and optionally reverse or noreverse");
                }
            }
        }
        block.last("dynamic").filter(dynamic -> !dynamic.arguments().isEmpty())
                .ifPresent(dynamic -> diagnostics.error(dynamic.argumentLocation(0), "dynamic takes no value"));
        return new FileCheckDefinition(name, weight, reverse, trackFiles);
    }

    @Override
    public void configApplied(ConfigUpdate update) {
        trackFiles.apply(update.current());
    }
}
