package io.detectorstudio.engine.io;

/** Where a JSON/YAML value sits in its file: 1-based line and column of its first character and just past its end. */
public record SourceRange(int line, int column, int endLine, int endColumn) {
    public static final SourceRange UNKNOWN = new SourceRange(0, 0, 0, 0);
}
