package org.jkeepalived.metrics.internal;

import java.util.List;
import java.util.Objects;

/**
 * One metric and its samples, as Prometheus groups them: a name, what it means, its type and one
 * sample per label set.
 *
 * @param name the metric's name, {@code keepalived_...}
 * @param help what it measures
 * @param type gauge or counter
 * @param samples its samples
 */
record MetricFamily(String name, String help, Type type, List<Sample> samples) {

    MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        samples = List.copyOf(samples);
    }

    /** The metric types used here. */
    enum Type {
        /** A value that goes up and down. */
        GAUGE,
        /** A count that only grows while the process runs. */
        COUNTER
    }

    /**
     * One value of the metric.
     *
     * @param labels label names and values, in the order written
     * @param value the value
     */
    record Sample(List<Label> labels, double value) {

        Sample {
            labels = List.copyOf(labels);
        }

        /** @return the value of the label of that name, or {@code null} */
        String label(String name) {
            return labels.stream().filter(label -> label.name().equals(name)).map(Label::value).findFirst().orElse(null);
        }
    }

    /**
     * A label.
     *
     * @param name its name
     * @param value its value
     */
    record Label(String name, String value) {

        Label {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
