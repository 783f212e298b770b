package io.detectorstudio.app;

import io.detectorstudio.app.cli.DetectorStudioCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code detector-studio.jar}.
 *
 * <p>Deliberately not a {@code javafx.application.Application}: headless subcommands must run without a display
 * and without the JavaFX toolkit. Only when no subcommand is given (or the first argument is a file) does it hand
 * over to the GUI, loaded by name so that the CLI path never links a JavaFX class.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 problems found, 2 could not run). */
    public static int run(String... args) {
        if (opensGui(args)) {
            return GuiLauncher.launch(args);
        }
        return DetectorStudioCommand.execute(args);
    }

    static boolean opensGui(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        if (first.startsWith("-")) {
            return false;
        }
        return !DetectorStudioCommand.isSubcommand(first);
    }
}
