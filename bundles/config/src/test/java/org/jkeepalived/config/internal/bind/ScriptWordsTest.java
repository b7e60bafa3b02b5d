package org.jkeepalived.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The escapes and quotes of script keywords, as keepalived.conf(5) lists them under "Quoted strings". */
class ScriptWordsTest {

    @Test
    void escapesAreDecoded() {
        assertThat(ScriptWords.decode("\"\\a\\b\\E\\f\\n\\r\\t\\v\"")).isEqualTo("\u0007\b\u001b\f\n\r\t\u000b");
        assertThat(ScriptWords.decode("\\101\\x42\\x4\\cA\\q\\\\")).isEqualTo("AB\u0004\u0001q\\");
        assertThat(ScriptWords.decode("'it''s' \"a \\\"b\\\"\"")).isEqualTo("its a \"b\"");
    }

    @Test
    void aCommandSplitsAtBlanksOutsideQuotes() {
        assertThat(ScriptWords.split("/bin/x  a 'b c' \"d 'e'\" f\"g h\"")).containsExactly("/bin/x", "a", "b c", "d 'e'", "fg h");
        assertThat(ScriptWords.split("  ")).isEmpty();
    }
}
