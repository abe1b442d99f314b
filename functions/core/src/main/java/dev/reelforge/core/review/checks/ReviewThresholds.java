package dev.reelforge.core.review.checks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits the picture and sound checks compare against, with defaults calibrated on the defect corpus and
 * explained in docs/review-checks.md; a request may override any of them by name ({@code review.thresholds}).
 */
public record ReviewThresholds(
        double flicker,
        double cutToleranceFrames,
        double colourDrift,
        double blur,
        double blockiness,
        double frozenSeconds,
        double blackSeconds,
        double audioCueToleranceFrames,
        double avSyncMs,
        double dialogueToleranceFrames,
        double motionMin,
        double teleportSpike,
        double blurRise,
        double continuityTemperature,
        double framingInFrame,
        double softnessRise,
        double referenceMatch) {

    /** The defaults: see docs/review-checks.md for the reasoning behind each number. */
    public static ReviewThresholds defaults() {
        return new ReviewThresholds(4, 2, 10, 4.8, 2.2, 0.4, 0.08, 3, 80, 3, 0.25, 12, 1.7, 18, 0.9, 1.45, 0.6);
    }

    /** The defaults with the named values replaced; unknown names are refused (the schema refuses them first). */
    public static ReviewThresholds withOverrides(Map<String, Double> overrides) {
        return defaults().with(overrides);
    }

    /** These limits with the named values replaced; unknown names are refused. */
    public ReviewThresholds with(Map<String, Double> overrides) {
        Map<String, Double> values = asMap();
        overrides.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(
                        "unknown review threshold '" + name + "'; known: " + values.keySet());
            }
            values.put(name, value);
        });
        return new ReviewThresholds(
                values.get("flicker"),
                values.get("cutToleranceFrames"),
                values.get("colourDrift"),
                values.get("blur"),
                values.get("blockiness"),
                values.get("frozenSeconds"),
                values.get("blackSeconds"),
                values.get("audioCueToleranceFrames"),
                values.get("avSyncMs"),
                values.get("dialogueToleranceFrames"),
                values.get("motionMin"),
                values.get("teleportSpike"),
                values.get("blurRise"),
                values.get("continuityTemperature"),
                values.get("framingInFrame"),
                values.get("softnessRise"),
                values.get("referenceMatch"));
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("flicker", flicker);
        m.put("cutToleranceFrames", cutToleranceFrames);
        m.put("colourDrift", colourDrift);
        m.put("blur", blur);
        m.put("blockiness", blockiness);
        m.put("frozenSeconds", frozenSeconds);
        m.put("blackSeconds", blackSeconds);
        m.put("audioCueToleranceFrames", audioCueToleranceFrames);
        m.put("avSyncMs", avSyncMs);
        m.put("dialogueToleranceFrames", dialogueToleranceFrames);
        m.put("motionMin", motionMin);
        m.put("teleportSpike", teleportSpike);
        m.put("blurRise", blurRise);
        m.put("continuityTemperature", continuityTemperature);
        m.put("framingInFrame", framingInFrame);
        m.put("softnessRise", softnessRise);
        m.put("referenceMatch", referenceMatch);
        return m;
    }
}
