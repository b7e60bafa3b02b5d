package org.jkeepalived.metrics.internal;

import java.util.List;
import java.util.Locale;

/**
 * Prometheus's text exposition format, version 0.0.4: for each family a {@code # HELP} and a
 * {@code # TYPE} line, then one line per sample, label values escaped as the format requires
 * (backslash, double quote, line feed).
 */
final class PrometheusFormat {

    /** The Content-Type of the format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusFormat() {
    }

    static String write(List<MetricFamily> families) {
        StringBuilder text = new StringBuilder();
        for (MetricFamily family : families) {
            text.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            text.append("# TYPE ").append(family.name()).append(' ')
                    .append(family.type().name().toLowerCase(Locale.ROOT)).append('\n');
            for (MetricFamily.Sample sample : family.samples()) {
                text.append(family.name());
                if (!sample.labels().isEmpty()) {
                    text.append('{');
                    for (int i = 0; i < sample.labels().size(); i++) {
                        MetricFamily.Label label = sample.labels().get(i);
                        if (i > 0) {
                            text.append(',');
                        }
                        text.append(label.name()).append("=\"").append(escapeLabel(label.value())).append('"');
                    }
                    text.append('}');
                }
                text.append(' ').append(number(sample.value())).append('\n');
            }
        }
        return text.toString();
    }

    /** Whole numbers without a fraction, as counters read best. */
    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
