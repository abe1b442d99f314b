package dev.reelforge.core.validation;

import dev.reelforge.core.request.RenderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The physics-first checklist as advice: prompts that name weight and material, camera move and stability, timed
 * sounds and timestamped beats render far more plausibly. Lint never rejects; its warnings go to the job record.
 */
final class PromptLint {
    private static final Pattern WEIGHT_OR_MATERIAL = Pattern.compile(
            "\\b(\\d+\\s?(g|kg|grams?|kilograms?|lbs?)|heavy|light(weight)?|weighty|ceramic|glass|metal|steel|iron|wood(en)?|stone(ware)?|plastic|rubber|paper|fabric|leather|porcelain|concrete|liquid|water)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAMERA = Pattern.compile(
            "\\b(camera|tripod|locked[- ]off|static shot|dolly|pan(s|ning)?|tilt|handheld|tracking|crane|drone|gimbal|close[- ]up|wide shot|\\d+\\s?mm)\\b",
            Pattern.CASE_INSENSITIVE);

    List<String> warnings(RenderRequest request) {
        List<String> warnings = new ArrayList<>();
        String prompt = request.prompt();
        if (!WEIGHT_OR_MATERIAL.matcher(prompt).find()) {
            warnings.add("prompt: name the subject's weight and material (e.g. 'a heavy 350 g ceramic mug') so motion looks physical");
        }
        if (!CAMERA.matcher(prompt).find()) {
            warnings.add("prompt: say how the camera moves and how stable it is (e.g. 'locked-off tripod, 35 mm')");
        }
        if (request.storyboard().audioCues().isEmpty()) {
            warnings.add("prompt: add timed audio cues (e.g. 'Audio: impact at 00:03.2') so sound can be checked against picture");
        }
        if (request.storyboard().beats().size() < 2 && request.settings().durationSeconds() > 6) {
            warnings.add("prompt: clips over 6 s hold together better with timestamped beats (00:00–00:03: …)");
        }
        return warnings;
    }
}
