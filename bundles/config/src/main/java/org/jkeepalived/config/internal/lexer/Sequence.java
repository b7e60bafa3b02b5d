package org.jkeepalived.config.internal.lexer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jkeepalived.checker.api.Diagnostics;

/**
 * The values a {@code ~SEQ(VAR, START, STEP, END)}, {@code ~SEQx(...)} or {@code ~LST(...)} line
 * takes its variables through, one round at a time, as keepalived.conf(5) describes them.
 */
abstract class Sequence {

    private static final String SEQ_FORM = "expected ~SEQ(VAR, START, STEP, END), ~SEQ(VAR, START, END) or ~SEQ(VAR, END)";
    private static final String LST_FORM = "expected ~LST(VAR, VALUE, ...) or ~LST({VAR, ...}, {VALUE, ...}, ...)";

    /**
     * A sequence line, taken apart.
     *
     * @param sequence the values
     * @param body the rest of the line, read once per round
     */
    record Parsed(Sequence sequence, SourceText body) {
    }

    abstract List<String> variables();

    abstract long rounds();

    abstract List<String> values(long round);

    /** Whether a line starts a sequence. */
    static boolean starts(String line) {
        return line.startsWith("~SEQ") || line.startsWith("~LST");
    }

    /**
     * Parses a line that {@linkplain #starts starts} a sequence. Definitions in the parentheses are
     * substituted first.
     *
     * @return the sequence and its body, or {@code null} when the line is not valid (reported)
     */
    static Parsed parse(SourceText line, Substitution substitution, Diagnostics diagnostics) {
        String text = line.text();
        boolean list = text.startsWith("~LST");
        boolean hex = !list && text.startsWith("~SEQx");
        int open = text.indexOf('(');
        int close = open < 0 ? -1 : text.indexOf(')', open);
        String form = list ? LST_FORM : SEQ_FORM;
        if (open < 0 || close < 0 || !text.substring(hex ? 5 : 4, open).isBlank()) {
            diagnostics.error(line.location(0), "'" + text + "' is not a valid sequence: " + form);
            return null;
        }
        Substitution.Result arguments = substitution.substitute(line.substring(open + 1, close));
        if (arguments.line() == null) {
            return null;
        }
        if (!arguments.following().isEmpty()) {
            diagnostics.error(line.location(0), "a multi-line definition cannot give the values of a sequence");
            return null;
        }
        String inside = arguments.line().text();
        Sequence sequence = list ? Listed.parse(inside) : Numeric.parse(inside, hex);
        if (sequence == null) {
            diagnostics.error(line.location(0), "'" + text.substring(0, close + 1) + "' is not a valid sequence: " + form);
            return null;
        }
        String problem = sequence.problem();
        if (problem != null) {
            diagnostics.error(line.location(0), "'" + text.substring(0, close + 1) + "': " + problem);
            return null;
        }
        return new Parsed(sequence, line.substring(close + 1).strip());
    }

    /** @return why the values cannot be used, or {@code null} */
    abstract String problem();

    /** {@code ~SEQ} and {@code ~SEQx}: from START by STEP while not past END. */
    static final class Numeric extends Sequence {
        private final String variable;
        private final long start;
        private final long step;
        private final long end;
        private final boolean hex;

        private Numeric(String variable, long start, long step, long end, boolean hex) {
            this.variable = variable;
            this.start = start;
            this.step = step;
            this.end = end;
            this.hex = hex;
        }

        static Numeric parse(String inside, boolean hex) {
            String[] parts = inside.split(",", -1);
            if (parts.length < 2 || parts.length > 4 || !isName(parts[0].trim())) {
                return null;
            }
            long[] numbers = new long[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                Long number = parseNumber(parts[i].trim());
                if (number == null) {
                    return null;
                }
                numbers[i - 1] = number;
            }
            String variable = parts[0].trim();
            // With the start or the step left out, keepalived counts from 1 (or -1) towards END.
            switch (numbers.length) {
                case 1:
                    long end = numbers[0];
                    return new Numeric(variable, end < 0 ? -1 : 1, end < 1 ? -1 : 1, end, hex);
                case 2:
                    return new Numeric(variable, numbers[0], numbers[0] <= numbers[1] ? 1 : -1, numbers[1], hex);
                default:
                    return new Numeric(variable, numbers[0], numbers[1], numbers[2], hex);
            }
        }

        @Override
        String problem() {
            if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                return "STEP " + step + " does not lead from " + start + " to " + end;
            }
            if (hex && (start < 0 || end < 0)) {
                return "~SEQx takes numbers from 0 up";
            }
            return null;
        }

        @Override
        List<String> variables() {
            return List.of(variable);
        }

        @Override
        long rounds() {
            try {
                return Math.subtractExact(end, start) / step + 1;
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }

        @Override
        List<String> values(long round) {
            long value = start + round * step;
            return List.of(hex ? Long.toHexString(value) : Long.toString(value));
        }
    }

    /** {@code ~LST}: the listed values, or tuples of values for several variables. */
    static final class Listed extends Sequence {
        private final List<String> variables;
        private final List<List<String>> rounds;

        private Listed(List<String> variables, List<List<String>> rounds) {
            this.variables = variables;
            this.rounds = rounds;
        }

        static Listed parse(String inside) {
            String trimmed = inside.trim();
            if (!trimmed.startsWith("{")) {
                String[] parts = trimmed.split(",", -1);
                if (parts.length < 2 || !isName(parts[0].trim())) {
                    return null;
                }
                List<List<String>> rounds = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    rounds.add(List.of(parts[i].trim()));
                }
                return new Listed(List.of(parts[0].trim()), rounds);
            }
            List<List<String>> groups = groups(trimmed);
            if (groups == null || groups.size() < 2 || !groups.get(0).stream().allMatch(Sequence::isName)) {
                return null;
            }
            return new Listed(groups.get(0), groups.subList(1, groups.size()));
        }

        /** Splits {@code {a,b},{1,2}} into its groups, or returns null if the braces do not pair up. */
        private static List<List<String>> groups(String text) {
            List<List<String>> groups = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                if (text.charAt(i) != '{') {
                    return null;
                }
                int close = text.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                groups.add(Arrays.stream(text.substring(i + 1, close).split(",", -1)).map(String::trim).toList());
                i = close + 1;
                while (i < text.length() && (Characters.isBlank(text.charAt(i)) || text.charAt(i) == ',')) {
                    i++;
                }
            }
            return groups;
        }

        @Override
        String problem() {
            for (List<String> round : rounds) {
                if (round.size() != variables.size()) {
                    return "{" + String.join(",", round) + "} has " + round.size() + " values for " + variables.size()
                            + " variables";
                }
            }
            return null;
        }

        @Override
        List<String> variables() {
            return variables;
        }

        @Override
        long rounds() {
            return rounds.size();
        }

        @Override
        List<String> values(long round) {
            return rounds.get((int) round);
        }
    }

    private static boolean isName(String text) {
        if (text.isEmpty() || !Characters.isNameStart(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(c -> Characters.isNamePart((char) c));
    }

    /** Reads a number as C's strtol with base 0 does: 0x for hexadecimal, a leading 0 for octal. */
    private static Long parseNumber(String text) {
        boolean negative = text.startsWith("-");
        String digits = negative || text.startsWith("+") ? text.substring(1) : text;
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
            return null;
        }
        try {
            long value = Long.parseLong(digits, radix);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
