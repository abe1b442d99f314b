package dev.reelforge.core.validation;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.testing.RequestBoundary;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validator behind the schema: requests the schema admits (every enum, range and pattern respected), for any
 * set of offered providers and any day from 2026 to 2028 (models retire in between), end accepted within budget on a
 * usable, offered model, or rejected naming the field ({@link RequestBoundary}). Prompts mix physics descriptions,
 * beats, cues and the content policy's terms, so both policy refusals and capability misfits come up.
 */
class RequestValidatorFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PROVIDERS = List.of("animatic", "bedrock-async", "openai-videos", "fal-queue");
    private static final List<String> MODELS = List.of(
            "animatic-1",
            "luma.ray-v2:0",
            "amazon.nova-reel-v1:1",
            "sora-2",
            "sora-2-pro",
            "fal-ai/luma-dream-machine/ray-2",
            "ray-2",
            "unknown-model");
    private static final List<String> FRAGMENTS = List.of(
            "A heavy 300 g glass jar rolls off a wooden shelf.",
            "Camera: locked-off tripod.",
            "A ceramic mug slides across a steel table and tips over.",
            "Slow dolly in.",
            "a celebrity waves",
            "two children play",
            "Batman lands",
            "a 12-year-old runs",
            "the baby's rattle",
            "Audio: thud at 00:04.2; room tone",
            "Audio: clink at 00:02.3",
            "sound: crash @ 00:09",
            "ﾃｽﾄ 😀 \u202e",
            "It falls and lands.",
            "Style: claymation.");
    private static final List<String> THRESHOLDS = List.of(
            "flicker",
            "cutToleranceFrames",
            "colourDrift",
            "blur",
            "blockiness",
            "frozenSeconds",
            "blackSeconds",
            "audioCueToleranceFrames",
            "avSyncMs",
            "motionMin",
            "teleportSpike");
    private static final List<String> DEFECTS =
            List.of("flicker", "blur:0.5", "freeze", "black", "cut", "blocky:1.0", "audio-offset:-40", "flicker:0");
    private static final Map<Set<String>, RequestBoundary> BOUNDARIES = new ConcurrentHashMap<>();

    @FuzzTest(maxDuration = "3m")
    void validate_anyRequestTheSchemaAdmits_acceptsWithinBudgetOrNamesTheField(FuzzedDataProvider data) {
        Set<String> offered = new HashSet<>();
        PROVIDERS.forEach(p -> {
            if (data.consumeBoolean()) {
                offered.add(p);
            }
        });
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(0, 3 * 365));
        BOUNDARIES.computeIfAbsent(Set.copyOf(offered), RequestBoundary::new).check(request(data), today);
    }

    private static ObjectNode request(FuzzedDataProvider data) {
        ObjectNode request = NODES.objectNode()
                .put("tenant", data.pickValue(List.of("acme", "demo", "a1", "tenant-0123456789-0123456789-0123456789")))
                .put("clientRequestId", data.pickValue(List.of("r-1", "R.2_x", "a")))
                .put("prompt", prompt(data));
        ArrayNode cues = NODES.arrayNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            cues.add(data.pickValue(List.of("tap", "boom", "celebrity cheer")) + " at " + timecode(data));
        }
        if (!cues.isEmpty()) {
            request.set("audioCues", cues);
        }
        ObjectNode settings = request.putObject("settings");
        settings.put("aspectRatio", data.pickValue(List.of("9:16", "16:9")));
        settings.put(
                "durationSeconds", data.consumeBoolean() ? data.consumeInt(5, 10) : data.consumeRegularDouble(5, 10));
        settings.put("resolution", data.pickValue(List.of("360p", "480p", "720p", "1080p")));
        settings.put("fps", data.pickValue(List.of(24, 25, 30)));
        settings.put("variations", data.consumeInt(1, 4));
        settings.put("style", data.pickValue(List.of("photoreal", "claymation", "anime", "")));
        if (data.consumeBoolean()) {
            ObjectNode provider = request.putObject("provider").put("name", data.pickValue(PROVIDERS));
            if (data.consumeBoolean()) {
                provider.put("model", data.pickValue(MODELS));
            }
        }
        request.put(
                "budgetUsd",
                data.consumeBoolean()
                        ? (double) data.pickValue(List.of(0.0, 0.01, 0.5, 5.0, 1000.0))
                        : data.consumeRegularDouble(0, 1000));
        request.put("maxAttempts", data.consumeInt(1, 5));
        request.put("onGiveUp", data.pickValue(List.of("accept-best", "fail")));
        ArrayNode defects = request.putArray("defects");
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            defects.add(data.pickValue(DEFECTS));
        }
        request.put("defectsPersist", data.consumeBoolean());
        ObjectNode thresholds = request.putObject("review").putObject("thresholds");
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            String name = data.pickValue(THRESHOLDS);
            double low = name.equals("teleportSpike") ? 1 : 0;
            thresholds.put(name, data.consumeRegularDouble(low, name.equals("cutToleranceFrames") ? 24 : 1e6));
        }
        return request;
    }

    /** A few of the fragments and beats; padded to the schema's 10-character minimum, cut to its 4,000 maximum. */
    private static String prompt(FuzzedDataProvider data) {
        StringBuilder prompt = new StringBuilder();
        for (int i = data.consumeInt(1, 6); i > 0; i--) {
            if (data.consumeBoolean()) {
                prompt.append(timecode(data))
                        .append('-')
                        .append(timecode(data))
                        .append(": ")
                        .append(data.pickValue(FRAGMENTS));
            } else {
                prompt.append(data.pickValue(FRAGMENTS));
            }
            prompt.append(data.consumeBoolean() ? "\n" : " ");
        }
        String text = prompt.toString().strip();
        text = text.length() < 10 ? text + " on a table" : text;
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    private static String timecode(FuzzedDataProvider data) {
        return String.format(Locale.ROOT, "00:%02d.%d", data.consumeInt(0, 11), data.consumeInt(0, 9));
    }
}
