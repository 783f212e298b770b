package io.detectorstudio.engine.diagnostics;

/** How bad a diagnostic is. Only {@link #ERROR} makes {@code validate} exit 1. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used in CLI text and JSON output ({@code error}, {@code warning}, {@code info}). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
