package dev.reelforge.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reelforge}: run the render workflow locally, or lint a request. Exit codes: 0 ok, 1 failed, 2 invalid input. */
@Command(
        name = "reelforge",
        mixinStandardHelpOptions = true,
        version = "reelforge 0.1.0",
        description =
                "Render, check and post-produce short video clips with the Reelforge workflow on a local AWS stack.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            VerifyCommand.class,
            ReviewCommand.class,
            ApproveCommand.class,
            RemixCommand.class,
            RecutCommand.class,
            ReframeCommand.class,
            StoryboardCommand.class,
            dev.reelforge.local.serve.ServeCommand.class
        })
public final class ReelforgeCli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID_INPUT = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with Reelforge's error handling: unexpected failures print one line and exit 1. */
    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, with commands made by {@code factory} (tests hand {@code run} a shared stack). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new ReelforgeCli(), factory);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("reelforge: " + e.getMessage());
            return FAILED;
        });
        return cli;
    }
}
