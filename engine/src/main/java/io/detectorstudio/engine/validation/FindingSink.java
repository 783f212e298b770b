package io.detectorstudio.engine.validation;

import io.detectorstudio.engine.diagnostics.Severity;

/**
 * Where checks put what they find. Paths are JSON paths in request shape ({@code $.detectorModelDefinition...});
 * the validator turns them into file paths and line:column.
 */
public interface FindingSink {

    /** A finding about the whole value at {@code path}. */
    void report(Severity severity, String code, String path, String message);

    /** A finding about characters {@code [start, end)} of the string value at {@code path} (an expression span). */
    void reportInString(Severity severity, String code, String path, int start, int end, String message);
}
