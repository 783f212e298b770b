package io.detectorstudio.app.cli;

/** Exit codes shared by every subcommand (shared/contracts/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The work ran but found problems: validation errors, failed expectations, differences. */
    public static final int PROBLEMS = 1;
    /** The command could not run: usage error, unreadable file, unknown format. */
    public static final int CANNOT_RUN = 2;

    private ExitCodes() {
    }
}
