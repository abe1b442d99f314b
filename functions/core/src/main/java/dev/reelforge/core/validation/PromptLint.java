package dev.reelforge.core.validation;

import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.scene.Material;
import dev.reelforge.core.scene.Quantities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The physics-first checklist as advice: prompts that name weight and material, camera move and stability, timed
 * sounds and timestamped beats render far more plausibly. Weights (g, kg, lb, oz), distances (cm, m, inches, feet)
 * and materials are read from the prose ({@link Quantities}, {@link Material}). Too many cues of one sound is the
 * guides' named cause of desync, so that is advised against too, and so is a prompt whose style is not the
 * settings' style. Lint never rejects; its warnings go to the job record.
 */
final class PromptLint {
    /** A sound cued this many times is over-specified. */
    static final int REPEATED_CUE_LIMIT = 3;

    private static final Pattern CAMERA = Pattern.compile(
            "\\b(camera|tripod|locked[- ]off|static shot|dolly|pan(s|ning)?|tilt|handheld|tracking|crane|drone|gimbal|close[- ]up|wide shot|\\d+\\s?mm)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FALLS = Pattern.compile(
            "\\b(falls?|falling|fell|drops?|dropped|dropping|tumbles?|topples?|plummets?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUPPORT = Pattern.compile(
            "\\b(table|counter|countertop|desk|shelf|ledge|bench|sill|stool|chair|bed|hand|hands|stairs?|roof|balcony|height)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTING_WORDS = Pattern.compile(
            "\\b(a|an|the|another|again|more|one more|first|second|third|fourth|fifth|final|last|next|repeat(ed)?)\\b|[^\\p{L}\\s]");

    List<String> warnings(RenderRequest request) {
        return warnings(request, true);
    }

    /** {@code withSound} false: the model renders no audio, so asking for timed audio cues is no advice. */
    List<String> warnings(RenderRequest request, boolean withSound) {
        List<String> warnings = new ArrayList<>();
        String prompt = request.prompt();
        boolean weight = Quantities.weightNamedIn(prompt);
        boolean material = Material.namedIn(prompt);
        if (!weight && !material) {
            warnings.add(
                    "prompt: name the subject's weight and material (e.g. 'a heavy 350 g ceramic mug') so motion looks physical");
        } else if (!weight) {
            warnings.add(
                    "prompt: give the subject a weight (e.g. '350 g', '2 lb', '8 oz' or simply 'heavy') so its fall and bounce look right");
        }
        if (FALLS.matcher(prompt).find()
                && Quantities.distancesCm(prompt).isEmpty()
                && !SUPPORT.matcher(prompt).find()) {
            warnings.add(
                    "prompt: say how far the subject falls (e.g. 'from 75 cm', 'a 3-foot drop' or 'off the table') so the fall takes the right time");
        }
        if (!CAMERA.matcher(prompt).find()) {
            warnings.add("prompt: say how the camera moves and how stable it is (e.g. 'locked-off tripod, 35 mm')");
        }
        if (withSound && request.storyboard().audioCues().isEmpty()) {
            warnings.add(
                    "prompt: add timed audio cues (e.g. 'Audio: impact at 00:03.2') so sound can be checked against picture");
        }
        repeatedSounds(request.storyboard().audioCues())
                .forEach((sound, count) -> warnings.add(String.format(
                        Locale.ROOT,
                        "prompt: '%s' is cued %d times; cue it once or twice and let it continue ('%s continues'), since a sound"
                                + " cued again and again drifts out of sync",
                        sound,
                        count,
                        sound)));
        List<String> asked = List.copyOf(StyleFamilies.askedFor(prompt).keySet());
        List<String> set = StyleFamilies.ofStyle(request.settings().style());
        if (asked.size() == 1 && !set.isEmpty() && !set.contains(asked.get(0))) {
            warnings.add("prompt: the prompt's style (" + asked.get(0) + ") is not settings.style '"
                    + request.settings().style() + "'; name the same one style in both");
        }
        if (request.storyboard().beats().size() < 2 && request.settings().durationSeconds() > 6) {
            warnings.add("prompt: clips over 6 s hold together better with timestamped beats (00:00–00:03: …)");
        }
        return warnings;
    }

    /** Sounds cued {@link #REPEATED_CUE_LIMIT} or more times, ignoring counting words ("second thud", "another thud"). */
    static Map<String, Long> repeatedSounds(List<AudioCue> cues) {
        Map<String, Long> counts = cues.stream()
                .collect(Collectors.groupingBy(PromptLint::soundKey, LinkedHashMap::new, Collectors.counting()));
        counts.values().removeIf(n -> n < REPEATED_CUE_LIMIT);
        counts.remove("");
        return counts;
    }

    private static String soundKey(AudioCue cue) {
        String words = COUNTING_WORDS
                .matcher(cue.description().toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        return Arrays.stream(words.split("\\s+"))
                .map(w -> w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w)
                .collect(Collectors.joining(" "));
    }
}
