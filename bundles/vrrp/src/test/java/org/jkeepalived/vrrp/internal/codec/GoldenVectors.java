package org.jkeepalived.vrrp.internal.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden VRRP vectors of the shared reference (vrrp-vectors/vectors.txt, checked by tcpdump):
 * for each, the VRRP message and the whole Ethernet frame.
 */
final class GoldenVectors {

    /** One vector. */
    record Vector(String name, byte[] vrrp, byte[] frame) {
    }

    private GoldenVectors() {
    }

    /** @return the vectors by name; skips the calling test when the reference is absent */
    static Map<String, Vector> load() throws IOException {
        Path file = Path.of(System.getProperty("jkeepalived.shared", "../../../shared"),
                "reference", "vrrp-vectors", "vectors.txt");
        assumeTrue(Files.isRegularFile(file), "the golden VRRP vectors are not at " + file + " (set jkeepalived.shared)");
        List<String> lines = Files.readAllLines(file);
        Map<String, Vector> vectors = new LinkedHashMap<>();
        for (int i = 0; i + 2 < lines.size(); i += 3) {
            String name = lines.get(i).trim();
            String vrrp = lines.get(i + 1).substring(lines.get(i + 1).indexOf(':') + 1).replace(" ", "");
            String frame = lines.get(i + 2).substring(lines.get(i + 2).indexOf(':') + 1).trim();
            vectors.put(name, new Vector(name, HexFormat.of().parseHex(vrrp), HexFormat.of().parseHex(frame)));
        }
        return vectors;
    }
}
