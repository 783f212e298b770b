package io.detectorstudio.simulator.scenario;

/** A scenario file that cannot be run: says which file, JSON path and line:column, and what would be valid. */
public final class ScenarioException extends Exception {

    public ScenarioException(String file, String path, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + path + ": " + message);
    }
}
