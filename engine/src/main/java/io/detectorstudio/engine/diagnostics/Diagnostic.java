package io.detectorstudio.engine.diagnostics;

import java.util.Objects;

/**
 * One finding about a model file: what is wrong, how bad, and exactly where.
 *
 * @param severity  error, warning or info
 * @param code      a stable identifier (e.g. {@code DS-SHAPE-LENGTH}); tests and users may depend on it
 * @param message   what is wrong and what would be valid
 * @param path      JSON path of the offending value, e.g. {@code $.detectorModelDefinition.states[1].stateName}
 * @param line      1-based line of the offending value (or of the character inside an expression string), 0 if unknown
 * @param column    1-based column, 0 if unknown
 * @param endLine   1-based line where the offending text ends (inclusive), 0 if unknown
 * @param endColumn 1-based column where the offending text ends (exclusive), 0 if unknown
 */
public record Diagnostic(Severity severity, String code, String message, String path,
                         int line, int column, int endLine, int endColumn) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** A diagnostic whose location is not known yet (a locator fills it in from the parser's token locations). */
    public static Diagnostic at(Severity severity, String code, String path, String message) {
        return new Diagnostic(severity, code, message, path, 0, 0, 0, 0);
    }

    public Diagnostic withLocation(int line, int column, int endLine, int endColumn) {
        return new Diagnostic(severity, code, message, path, line, column, endLine, endColumn);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
