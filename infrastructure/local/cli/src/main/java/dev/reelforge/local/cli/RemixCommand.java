package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code reelforge remix <jobId> "<instruction>"}: a new version of a finished job with the creator's change, as the
 * provider's remix where its capability data has one, else a regeneration with the words in the prompt.
 */
@Command(name = "remix", description = "Remix a finished job into a new version: reviewed and post-processed again.")
final class RemixCommand extends EditCommand {
    @Parameters(index = "1", paramLabel = "<instruction>", description = "The change, e.g. \"a glass mug\".")
    String instruction;

    RemixCommand() {
        this(LocalStacks.startEach());
    }

    RemixCommand(LocalStacks stacks) {
        super(stacks);
    }

    @Override
    void describe(ObjectNode edit) {
        edit.put("remix", instruction);
    }

    @Override
    String kind() {
        return "remix";
    }
}
