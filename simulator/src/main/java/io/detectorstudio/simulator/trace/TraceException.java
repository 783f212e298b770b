package io.detectorstudio.simulator.trace;

/** A trace file that cannot be used: {@code file:line:column: $.path: what is wrong and what would be valid}. */
public final class TraceException extends Exception {

    public TraceException(String file, int line, int column, String path, String message) {
        super(file + ":" + line + ":" + column + ": " + path + ": " + message);
    }
}
