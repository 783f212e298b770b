package io.detectorstudio.app.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * The command-line reference (docs/cli.md) generated from the picocli definitions themselves, so the document
 * cannot drift from what {@code --help} prints. {@code CliReferenceTest} fails when docs/cli.md is stale and
 * rewrites it with {@code -Dcli.writeReference=true}.
 */
public final class CliReference {

    private CliReference() {
    }

    public static String markdown() {
        CommandLine root = DetectorStudioCommand.commandLine();
        StringBuilder md = new StringBuilder();
        md.append("# Command-line reference\n\n")
                .append("Generated from the commands' own definitions (`CliReference`); the contract they keep is ")
                .append("`shared/contracts/cli.md`. Exit codes: 0 success, 1 problems found, 2 could not run.\n\n")
                .append("```text\n").append(usage(root)).append("```\n");
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            md.append("\n## ").append(sub.getKey()).append("\n\n```text\n").append(usage(sub.getValue())).append("```\n");
        }
        return md.toString();
    }

    private static String usage(CommandLine command) {
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF).replace("\r\n", "\n");
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
