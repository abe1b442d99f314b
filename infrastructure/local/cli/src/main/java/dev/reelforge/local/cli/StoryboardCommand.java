package dev.reelforge.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.wiring.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reelforge edit <jobId> --storyboard board.json}: a new version of a finished multi-shot job with a changed
 * storyboard, where only the changed shots render and the others reuse the job's accepted shot clips. The file
 * holds the execution input's {@code edit.storyboard}: {@code {"prompt": "…", "audioCues": […], "durationSeconds": N}}.
 */
@Command(
        name = "edit",
        description = "Edit a finished job's storyboard into a new version: only the changed shots render again.")
final class StoryboardCommand extends EditCommand {
    @Option(
            names = "--storyboard",
            required = true,
            paramLabel = "FILE",
            description = "JSON with the new storyboard's prompt (and optional audioCues, durationSeconds).")
    Path storyboardFile;

    private JsonNode storyboard;

    StoryboardCommand() {
        this(LocalStacks.startEach());
    }

    StoryboardCommand(LocalStacks stacks) {
        super(stacks);
    }

    @Override
    public Integer call() throws IOException {
        try {
            storyboard = read(storyboardFile);
        } catch (RequestFile.UserInputException e) {
            spec.commandLine().getErr().println("reelforge: " + e.getMessage());
            return ReelforgeCli.INVALID_INPUT;
        }
        return super.call();
    }

    private static JsonNode read(Path file) throws RequestFile.UserInputException {
        if (!Files.isRegularFile(file)) {
            throw new RequestFile.UserInputException(file + ": no such storyboard file");
        }
        String text = RequestFile.read(file);
        try {
            JsonNode node = Services.objectMapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new RequestFile.UserInputException(
                        file + ": must be a JSON object such as {\"prompt\": \"…\\n00:00–00:05: Wide shot: …\"}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RequestFile.UserInputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    @Override
    void describe(ObjectNode edit) {
        edit.set("storyboard", storyboard);
    }

    @Override
    String kind() {
        return "storyboard";
    }
}
