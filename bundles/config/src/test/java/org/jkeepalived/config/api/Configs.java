package org.jkeepalived.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.jkeepalived.checker.api.ConfigEntry;
import org.jkeepalived.config.api.model.KeepalivedConfig;

/** Reads configuration text the way the tests need: config id "main", host name "lb1.example.com". */
public final class Configs {

    private Configs() {
    }

    public static ConfigReader reader() {
        return ConfigReader.builder().configId("main").hostName("lb1.example.com").random(new SplittableRandom(7)).build();
    }

    public static ConfigResult read(String text) {
        return reader().read("keepalived.conf", text);
    }

    /** @return the configuration of a text that has no error; fails the test if it has one */
    public static KeepalivedConfig valid(String text) {
        ConfigResult result = read(text);
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        return result.config().orElseThrow();
    }

    /** @return the diagnostics as printed */
    public static List<String> messages(ConfigResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** @return each entry of the tree, one line per entry: keyword and arguments joined by | */
    public static List<String> lines(ConfigResult result) {
        return lines(result.tree());
    }

    /** @return each entry of the tree, one line per entry: keyword and arguments joined by | */
    public static List<String> lines(ConfigTree tree) {
        return lines(tree.entries(), "");
    }

    private static List<String> lines(List<ConfigEntry> entries, String indent) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        for (ConfigEntry entry : entries) {
            StringBuilder line = new StringBuilder(indent).append(entry.keyword());
            entry.arguments().forEach(argument -> line.append('|').append(argument));
            entry.block().ifPresent(block -> line.append(" {"));
            lines.add(line.toString());
            entry.block().ifPresent(block -> {
                lines.addAll(lines(block.entries(), indent + "  "));
                lines.add(indent + "}");
            });
        }
        return lines;
    }
}
