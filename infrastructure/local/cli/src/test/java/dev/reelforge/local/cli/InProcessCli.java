package dev.reelforge.local.cli;

import dev.reelforge.local.badinput.CapturedStreams;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * {@code reelforge <args>} in this JVM, its {@code run} on a local stack the test already started, with everything
 * it printed: its own out and err, and whatever reached the process's streams (a stack trace would).
 */
final class InProcessCli {
    private InProcessCli() {}

    /** What one command printed, and its exit code. */
    record Outcome(int exit, String out, String err, String streams) {
        String all() {
            return out + err + streams;
        }
    }

    static Outcome execute(LocalAwsStack stack, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (CapturedStreams streams = CapturedStreams.start()) {
            CommandLine cli = ReelforgeCli.commandLine(new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type == RunCommand.class
                            ? type.cast(new RunCommand(LocalStacks.shared(stack)))
                            : CommandLine.defaultFactory().create(type);
                }
            });
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Outcome(exit, out.toString(), err.toString(), streams.text());
        }
    }
}
