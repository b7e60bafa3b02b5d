package org.jkeepalived.checker.http.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PCRE2 options {@code regex_options} names, and what each is in Java's regular expressions.
 * Options that only tune PCRE2's matching, or forbid what Java has not, change nothing here; those
 * whose meaning Java cannot express are refused, so that a regex never means less than written.
 */
enum RegexOption {
    CASELESS("caseless", Pattern.CASE_INSENSITIVE),
    MULTILINE("multiline", Pattern.MULTILINE),
    DOTALL("dotall", Pattern.DOTALL),
    EXTENDED("extended", Pattern.COMMENTS),
    UCP("ucp", Pattern.UNICODE_CHARACTER_CLASS),
    /** The body is decoded as UTF-8 rather than byte by byte. */
    UTF("utf", Pattern.UNICODE_CASE),
    ALLOW_EMPTY_CLASS("allow_empty_class", 0),
    AUTO_CALLOUT("auto_callout", 0),
    DUPNAMES("dupnames", 0),
    NEVER_BACKSLASH_C("never_backslash_c", 0),
    NEVER_UCP("never_ucp", 0),
    NEVER_UTF("never_utf", 0),
    NO_AUTO_CAPTURE("no_auto_capture", 0),
    NO_AUTO_POSSESS("no_auto_possess", 0),
    NO_DOTSTAR_ANCHOR("no_dotstar_anchor", 0),
    NO_START_OPTIMIZE("no_start_optimize", 0),
    USE_OFFSET_LIMIT("use_offset_limit", 0),
    ALT_VERBNAMES("alt_verbnames", 0),
    ALT_BSUX("alt_bsux", -1),
    ALT_CIRCUMFLEX("alt_circumflex", -1),
    DOLLAR_ENDONLY("dollar_endonly", -1),
    FIRSTLINE("firstline", -1),
    MATCH_UNSET_BACKREF("match_unset_backref", -1),
    UNGREEDY("ungreedy", -1);

    private final String keyword;
    private final int flag;

    RegexOption(String keyword, int flag) {
        this.keyword = keyword;
        this.flag = flag;
    }

    /**
     * @param keyword an option as {@code regex_options} names it
     * @return the option, or empty if PCRE2 has none by that name
     */
    static Optional<RegexOption> named(String keyword) {
        for (RegexOption option : values()) {
            if (option.keyword.equals(keyword)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** @return the name in keepalived.conf */
    String keyword() {
        return keyword;
    }

    /** @return whether Java's regular expressions can do what the option asks */
    boolean supported() {
        return flag >= 0;
    }

    /** @return the {@link Pattern} flag, 0 for none */
    int flag() {
        return Math.max(flag, 0);
    }
}
