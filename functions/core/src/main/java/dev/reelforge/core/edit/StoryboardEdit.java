package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A storyboard edit's new storyboard, from {@code edit.storyboard}: the prompt in the request's own storyboard
 * notation ({@code "…\n00:00–00:05: Wide shot: …"}), its timed {@code audioCues}, and {@code durationSeconds} where
 * the new storyboard runs longer or shorter than the original (0: the original's). These replace the original
 * request's prompt, cues and duration; its provider, settings, reference image, budget and review stay.
 *
 * <pre>{@code
 * {"prompt": "A red kettle…\n00:00–00:05: Wide shot: …\n00:05–00:10: Close-up: …", "durationSeconds": 10}
 * }</pre>
 */
public record StoryboardEdit(String prompt, List<String> audioCues, double durationSeconds) {
    private static final int MIN_PROMPT = 10;
    private static final int MAX_PROMPT = 4_000;
    private static final int MAX_CUES = 20;

    public StoryboardEdit {
        audioCues = List.copyOf(audioCues);
    }

    /** @throws InvalidRequestException naming the {@code edit.storyboard} field that is out of bounds */
    public static StoryboardEdit parse(JsonNode board) {
        if (!board.isObject()) {
            throw InvalidRequestException.of(
                    "edit.storyboard",
                    "must be an object with 'prompt' and optional 'audioCues' and 'durationSeconds'");
        }
        board.fieldNames().forEachRemaining(name -> {
            if (!List.of("prompt", "audioCues", "durationSeconds").contains(name)) {
                throw InvalidRequestException.of(
                        "edit.storyboard." + name,
                        "is not part of a storyboard (prompt, audioCues, durationSeconds); other settings stay the"
                                + " original's");
            }
        });
        JsonNode prompt = board.path("prompt");
        if (!prompt.isTextual()
                || prompt.asText().strip().length() < MIN_PROMPT
                || prompt.asText().length() > MAX_PROMPT) {
            throw InvalidRequestException.of(
                    "edit.storyboard.prompt",
                    "must be the new storyboard as prompt text of " + MIN_PROMPT + "–" + MAX_PROMPT
                            + " characters, one timed shot a line (\"00:00–00:05: Wide shot: …\")");
        }
        List<String> cues = new ArrayList<>();
        JsonNode list = board.path("audioCues");
        if (!list.isMissingNode()) {
            if (!list.isArray() || list.size() > MAX_CUES) {
                throw InvalidRequestException.of(
                        "edit.storyboard.audioCues", "must be an array of at most " + MAX_CUES + " strings");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode cue = list.get(i);
                if (!cue.isTextual()
                        || cue.asText().strip().length() < 3
                        || cue.asText().length() > 200) {
                    throw InvalidRequestException.of(
                            "edit.storyboard.audioCues[" + i + "]", "must be a string such as \"thud at 00:02.5\"");
                }
                cues.add(cue.asText());
            }
        }
        double seconds = 0;
        JsonNode duration = board.path("durationSeconds");
        if (!duration.isMissingNode()) {
            if (!duration.isNumber() || duration.asDouble() < 5 || duration.asDouble() > 20) {
                throw InvalidRequestException.of(
                        "edit.storyboard.durationSeconds", "must be a number of seconds from 5 to 20");
            }
            seconds = duration.asDouble();
        }
        return new StoryboardEdit(prompt.asText().strip(), cues, seconds);
    }

    /** A short, stable name of this storyboard for the job record: {@code storyboard 3f2a9c01b7de}. */
    public String describe() {
        String text =
                prompt + "\n" + String.join("\n", audioCues) + String.format(Locale.ROOT, "\n%.3f", durationSeconds);
        return "storyboard " + Sha256.hex(text).substring(0, 12);
    }
}
