package io.detectorstudio.app.cli;

import picocli.CommandLine;

/** Turns an unexpected exception into one clear line on stderr (a stack trace only with {@code --debug}). */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.originalArgs().contains("--debug");
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println(cmd.getCommandName() + ": " + message);
        if (debug) {
            ex.printStackTrace(cmd.getErr());
        }
        return ExitCodes.CANNOT_RUN;
    }
}
