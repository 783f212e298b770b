package io.detectorstudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the command line (shared/contracts/cli.md). Each subcommand is its own class in this package. */
@Command(name = "detector-studio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Design, validate, simulate and export AWS IoT Events detector models.%n"
                + "With no subcommand, or with a FILE, opens the GUI.",
        subcommands = {CommandLine.HelpCommand.class, ValidateCommand.class, ExportCommand.class, EvalCommand.class, RunCommand.class, SimulateCommand.class, BenchCommand.class,
                DiffCommand.class, ServeCommand.class})
public final class DetectorStudioCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DetectorStudioCommand());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.CANNOT_RUN;
        });
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static boolean isSubcommand(String name) {
        return commandLine().getSubcommands().containsKey(name);
    }
}
