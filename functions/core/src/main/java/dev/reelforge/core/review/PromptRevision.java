package dev.reelforge.core.review;

import dev.reelforge.core.request.Storyboard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The troubleshooting rules creators apply to a failed render, keyed by the check that failed: a targeted edit
 * instruction for a remix, and prompt additions for a regeneration. Adding weight and material fixes floating
 * objects; fewer audio cues fixes desync; "sharp focus on the subject" fixes blur; named people fix cloning.
 */
public final class PromptRevision {
    private PromptRevision() {}

    /** One instruction for a provider's remix/edit endpoint, derived from the single failed check. */
    public static String editInstruction(Check failed, Storyboard storyboard) {
        return switch (failed.name()) {
            case "flicker", "colour-drift" ->
                "Keep the lighting constant within each shot; no flicker and no exposure changes.";
            case "unexpected-cut" ->
                "Make each beat one continuous shot; cut only at the storyboard's beat boundaries.";
            case "blur" -> "Sharp focus on " + subject(storyboard) + "; no motion blur.";
            case "blockiness" -> "Clean, high-bitrate detail; no compression blocks.";
            case "frozen" -> "Keep motion continuous; no frozen frames.";
            case "black" -> "No black frames; keep the scene lit from start to end.";
            case "audio-cues", "av-sync" -> "Put each sound exactly on its visible action.";
            case "motion" -> "Make the motion physically plausible: objects fall under gravity and keep their weight.";
            default -> failed.suggestedFix().isEmpty() ? "Fix: " + failed.detail() : failed.suggestedFix();
        };
    }

    /** The prompt rewritten for a fresh generation, with one addition per distinct failed check. */
    public static String revisedPrompt(String prompt, List<Check> failed, Storyboard storyboard) {
        Set<String> additions = new LinkedHashSet<>();
        for (Check check : failed) {
            switch (check.name()) {
                case "motion" ->
                    additions.add("The " + subject(storyboard)
                            + " is heavy and solid, with visible weight; it never floats.");
                case "audio-cues", "av-sync" ->
                    additions.add("Only the listed sounds, each on its visible action; no extra sounds.");
                case "blur" -> additions.add("Sharp focus on " + subject(storyboard) + ".");
                case "blockiness" -> additions.add("Clean, high-bitrate detail; no compression blocks.");
                case "flicker", "colour-drift" -> additions.add("Constant, even lighting; no flicker.");
                case "unexpected-cut" -> additions.add("One continuous shot per beat; no other cuts.");
                case "frozen" -> additions.add("Continuous motion from start to end; no frozen frames.");
                case "black" -> additions.add("The scene stays lit from start to end; no black frames.");
                case "conformance" -> additions.add("Exactly the requested duration and frame.");
                default -> additions.add(check.suggestedFix());
            }
        }
        String revised = prompt.strip();
        for (String addition : additions) {
            if (!addition.isBlank() && !revised.contains(addition)) {
                revised = revised + "\n" + addition;
            }
        }
        return revised;
    }

    /** The prompt with a reviewer's requested change added as its last line, once (the words are theirs, kept whole). */
    public static String withReviewerWords(String prompt, String words) {
        return withLine(prompt, words);
    }

    /** The prompt with one targeted fix added as its last line, once: a fix an earlier revision added stays once. */
    public static String withFix(String prompt, String fix) {
        return withLine(prompt, fix);
    }

    private static String withLine(String prompt, String line) {
        String revised = prompt.strip();
        String addition = line.strip();
        return addition.isEmpty() || revised.contains(addition) ? revised : revised + "\n" + addition;
    }

    /**
     * The checks whose fix a prompt or edit instruction carries (by the phrases this class writes), e.g. "sharp
     * focus" → blur. The animatic uses it to obey targeted fixes; a real model obeys the words themselves.
     */
    public static Set<String> addressedChecks(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> addressed = new LinkedHashSet<>();
        FIX_MARKERS.forEach((check, marker) -> {
            if (lower.contains(marker)) {
                addressed.add(check);
            }
        });
        return addressed;
    }

    private static final Map<String, String> FIX_MARKERS = Map.of(
            "flicker", "no flicker",
            "unexpected-cut", "continuous shot",
            "blur", "sharp focus on",
            "blockiness", "no compression blocks",
            "frozen", "no frozen frames",
            "black", "no black frames",
            "av-sync", "on its visible action",
            "audio-cues", "on its visible action");

    /** The first noun-ish phrase of the description: good enough to name the subject in a fix. */
    static String subject(Storyboard storyboard) {
        String text = storyboard.description().isBlank() && !storyboard.beats().isEmpty()
                ? storyboard.beats().get(0).description()
                : storyboard.description();
        String[] words = text.replaceAll("[^A-Za-z0-9 -]", " ").trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (w.equals("a") || w.equals("an") || w.equals("the")) {
                int end = Math.min(words.length, i + 4);
                return "the "
                        + String.join(" ", List.of(words).subList(i + 1, end)).toLowerCase(Locale.ROOT);
            }
        }
        return "the subject";
    }
}
