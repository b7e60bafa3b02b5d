package org.jkeepalived.config.api;

/** How bad a {@link Diagnostic} is. */
public enum Severity {

    /** The configuration is wrong and is not applied. */
    ERROR("error"),

    /** The configuration is applied, but should be changed. */
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** @return the word printed in front of the message: {@code error} or {@code warning} */
    public String label() {
        return label;
    }
}
