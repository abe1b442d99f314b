package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reelforge recut <jobId> --expand 00:02-00:03=00:02-00:05 | --trim A-B | --retime A-B=FACTOR}: a new version
 * of a finished job re-cut in post-production (motion-interpolated frames, stretched sound), then reviewed again.
 */
@Command(name = "recut", description = "Re-cut a finished job into a new version: retimed, trimmed, reviewed again.")
final class RecutCommand extends EditCommand {
    @Option(names = "--expand", paramLabel = "A-B=A-C", description = "Stretch the span A-B to A-C (repeatable).")
    List<String> expand = new ArrayList<>();

    @Option(names = "--retime", paramLabel = "A-B=FACTOR", description = "Play A-B FACTOR times as long (repeatable).")
    List<String> retime = new ArrayList<>();

    @Option(names = "--trim", paramLabel = "A-B", description = "Keep only A-B.")
    String trim;

    RecutCommand() {
        this(LocalStacks.startEach());
    }

    RecutCommand(LocalStacks stacks) {
        super(stacks);
    }

    @Override
    void describe(ObjectNode edit) {
        ObjectNode recut = edit.putObject("recut");
        if (trim != null) {
            recut.put("trim", trim);
        }
        if (!retime.isEmpty()) {
            retime.forEach(recut.putArray("retime")::add);
        }
        if (!expand.isEmpty()) {
            expand.forEach(recut.putArray("expand")::add);
        }
    }

    @Override
    String kind() {
        return "recut";
    }
}
