package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reelforge reframe <jobId> --aspect-ratio 16:9}: a new version of a finished job at another aspect ratio,
 * made by the provider's reframe of its own render (Luma's {@code video_reframe}), then reviewed again. Refused,
 * naming the model, where the capability data has no {@code reframe}: Reelforge does not crop.
 */
@Command(
        name = "reframe",
        description = "Reframe a finished job to another aspect ratio at its provider, reviewed again.")
final class ReframeCommand extends EditCommand {
    @Option(
            names = "--aspect-ratio",
            required = true,
            paramLabel = "W:H",
            description = "The ratio wanted: 9:16 or 16:9.")
    String aspectRatio;

    ReframeCommand() {
        this(LocalStacks.startEach());
    }

    ReframeCommand(LocalStacks stacks) {
        super(stacks);
    }

    @Override
    void describe(ObjectNode edit) {
        edit.putObject("reframe").put("aspectRatio", aspectRatio);
    }

    @Override
    String kind() {
        return "reframe";
    }
}
