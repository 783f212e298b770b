package io.detectorstudio.engine.io;

/** A file could not be read as a model: says what and where (line:column when known). Exit code 2 in the CLI. */
public final class ModelReadException extends Exception {
    private final int line;
    private final int column;

    public ModelReadException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
