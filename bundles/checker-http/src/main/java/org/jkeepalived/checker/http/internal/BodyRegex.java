package org.jkeepalived.checker.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A url's {@code regex}, with {@code regex_no_match}, {@code regex_options}, {@code regex_min_offset}
 * and {@code regex_max_offset}: the body must contain a match of the pattern (or must not), starting
 * between the two offsets. The body is matched byte for byte (as Latin-1), or as UTF-8 with the
 * {@code utf} option; it is searched in its first {@link #WINDOW} bytes.
 */
final class BodyRegex {

    /** How much of the body a regex sees: the whole of any health page, and a bound on a checker loop's work. */
    static final int WINDOW = 1024 * 1024;

    private final Pattern pattern;
    private final Set<RegexOption> options;
    private final boolean noMatch;
    private final long minOffset;
    private final OptionalLong maxOffset;

    private BodyRegex(Pattern pattern, Set<RegexOption> options, boolean noMatch, long minOffset, OptionalLong maxOffset) {
        this.pattern = pattern;
        this.options = options;
        this.noMatch = noMatch;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
    }

    /**
     * @param regex the pattern
     * @param options the supported options
     * @param noMatch whether a match fails the check
     * @param minOffset the first offset of the body where a match may start
     * @param maxOffset the last offset where a match may start, if bounded
     * @return the regex
     * @throws java.util.regex.PatternSyntaxException if the pattern is not a regular expression
     */
    static BodyRegex compile(String regex, Set<RegexOption> options, boolean noMatch, long minOffset, OptionalLong maxOffset) {
        int flags = options.stream().mapToInt(RegexOption::flag).reduce(0, (a, b) -> a | b);
        Set<RegexOption> copy = options.isEmpty() ? EnumSet.noneOf(RegexOption.class) : EnumSet.copyOf(options);
        return new BodyRegex(Pattern.compile(regex, flags), copy, noMatch, minOffset, maxOffset);
    }

    /**
     * @param body the first bytes of the body, up to {@link #WINDOW}
     * @return why the body fails, or empty if it passes
     */
    Optional<String> failure(byte[] body) {
        CharSequence text = new String(body, options.contains(RegexOption.UTF) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        boolean matched = false;
        if (minOffset <= text.length()) {
            Matcher matcher = pattern.matcher(text)
                    .region((int) minOffset, text.length())
                    .useTransparentBounds(true)
                    .useAnchoringBounds(false);
            matched = matcher.find() && (maxOffset.isEmpty() || matcher.start() <= maxOffset.getAsLong());
        }
        if (matched == noMatch) {
            return Optional.of(noMatch ? "the body matches regex_no_match '" + pattern.pattern() + "'"
                    : "the body does not match regex '" + pattern.pattern() + "'" + where());
        }
        return Optional.empty();
    }

    private String where() {
        if (minOffset == 0 && maxOffset.isEmpty()) {
            return "";
        }
        return " between offsets " + minOffset + " and " + (maxOffset.isPresent() ? maxOffset.getAsLong() : "the end");
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof BodyRegex)) {
            return false;
        }
        BodyRegex that = (BodyRegex) other;
        return pattern.pattern().equals(that.pattern.pattern()) && options.equals(that.options) && noMatch == that.noMatch
                && minOffset == that.minOffset && maxOffset.equals(that.maxOffset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern.pattern(), options, noMatch, minOffset, maxOffset);
    }

    @Override
    public String toString() {
        return (noMatch ? "regex_no_match '" : "regex '") + pattern.pattern() + "'" + where();
    }
}
