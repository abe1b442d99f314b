package dev.reelforge.core.review.judge;

import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.request.Beat;
import java.util.Locale;

/**
 * The words a judge is given, the same whichever model answers: the reviewer's instructions, and the storyboard,
 * the stills' times and the checklist questions for one clip. The answer's shape is the adapter's business (a JSON
 * schema for chat-completions models).
 */
public final class JudgePrompt {
    private JudgePrompt() {}

    public static String instructions() {
        return "You review short generated video clips for a creator. You see stills taken in order from one clip,"
                + " each with its time, and the storyboard the clip was made from. Answer every checklist item from what"
                + " the stills show, not from what the storyboard promises. passed is true when the clip meets the item."
                + " confidence (0 to 1) is how sure you are of your answer; stills miss what happens between them, so be"
                + " modest about motion. reason is one sentence naming the still(s) you judged by.";
    }

    public static String clipDescription(JudgeRequest request) {
        StringBuilder text =
                new StringBuilder("Prompt: ").append(request.prompt().strip()).append('\n');
        if (!request.storyboard().beats().isEmpty()) {
            text.append("Beats:\n");
            for (Beat beat : request.storyboard().beats()) {
                text.append(String.format(
                        Locale.ROOT,
                        "- %.1f–%.1f s: %s%n",
                        beat.startSeconds(),
                        beat.endSeconds(),
                        beat.description()));
            }
        }
        text.append("Stills, in the order attached:");
        for (int i = 0; i < request.frames().size(); i++) {
            SampledFrame frame = request.frames().get(i);
            text.append(String.format(
                    Locale.ROOT,
                    " %d at %.2f s%s",
                    i + 1,
                    frame.seconds(),
                    i + 1 < request.frames().size() ? "," : "\n"));
        }
        text.append("Checklist:\n");
        for (JudgeItem item : request.items()) {
            text.append("- ")
                    .append(item.wireName())
                    .append(": ")
                    .append(item.question())
                    .append('\n');
        }
        return text.toString();
    }
}
