package org.jkeepalived.config.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the configuration reader: text made of the syntax's own words and of
 * arbitrary characters. Whatever the text, the reader answers with diagnostics and never throws.
 * Includes are left out: they read whatever file the text names, and an operator's own files are
 * not untrusted input.
 */
class ConfigReaderFuzzer {

    @FuzzTest
    void everyTextGivesATreeAndDiagnostics(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        while (data.remainingBytes() > 0) {
            if (data.consumeBoolean()) {
                text.append(data.pickValue(ConfigReaderFuzzTest.PIECES));
            } else {
                text.append(data.consumeString(16));
            }
        }
        String input = text.toString();
        if (input.contains("include")) {
            return;
        }
        ConfigReaderFuzzTest.assertReadWell(Configs.reader().read("fuzz.conf", input), input);
    }
}
