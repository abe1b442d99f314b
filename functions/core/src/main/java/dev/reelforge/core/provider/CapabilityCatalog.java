package dev.reelforge.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * All known provider models, from {@code provider-capabilities.json} or a deployer's file with the same shape. A
 * model without {@code pricePerSecondUsd} has no first-party price we could cite: its price reads as NaN and
 * {@link ModelCapabilities#priceKnown()} is false.
 */
public final class CapabilityCatalog {
    private static final String RESOURCE = "/dev/reelforge/core/provider-capabilities.json";

    private final List<ModelCapabilities> models;

    public CapabilityCatalog(List<ModelCapabilities> models) {
        this.models = List.copyOf(models);
    }

    public static CapabilityCatalog bundled(ObjectMapper json) {
        try (InputStream in = CapabilityCatalog.class.getResourceAsStream(RESOURCE)) {
            return parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("provider capabilities missing from the classpath", e);
        }
    }

    public static CapabilityCatalog parse(JsonNode root) {
        List<ModelCapabilities> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            models.add(new ModelCapabilities(
                    m.get("provider").asText(),
                    m.get("model").asText(),
                    m.path("default").asBoolean(false),
                    strings(m.path("aspectRatios")),
                    strings(m.path("resolutions")),
                    m.path("minDurationSeconds").asDouble(),
                    m.path("maxDurationSeconds").asDouble(),
                    m.path("maxVariations").asInt(1),
                    m.path("remix").asBoolean(false),
                    m.hasNonNull("pricePerSecondUsd")
                            ? m.get("pricePerSecondUsd").asDouble()
                            : Double.NaN,
                    ModelCapabilities.Lifecycle.valueOf(
                            m.path("lifecycle").asText("active").toUpperCase(Locale.ROOT)),
                    date(m, "endOfLife"),
                    strings(m.path("sizes")),
                    integers(m.path("fps")),
                    m.path("maxPromptChars").asInt(0),
                    referenceImages(m.path("referenceImages")),
                    m.path("edit").asBoolean(false),
                    extend(m.path("extend")),
                    date(m, "retirementAnnounced"),
                    doubles(m.path("durations")),
                    m.path("nativeAudio").asBoolean(false),
                    m.path("firstFrame").asBoolean(false),
                    m.path("lastFrame").asBoolean(false),
                    m.path("reframe").asBoolean(false),
                    m.path("webhooks").asBoolean(false),
                    maxConcurrentJobs(m)));
        }
        return new CapabilityCatalog(models);
    }

    /** The model's {@code maxConcurrentJobs}: absent is 0 (the record's default); anything but a whole number ≥ 1 is refused. */
    private static int maxConcurrentJobs(JsonNode model) {
        JsonNode limit = model.path("maxConcurrentJobs");
        if (limit.isMissingNode() || limit.isNull()) {
            return 0;
        }
        if (!limit.canConvertToInt() || !limit.isIntegralNumber() || limit.asInt() < 1) {
            throw new IllegalArgumentException(
                    model.path("provider").asText() + "/" + model.path("model").asText()
                            + ": maxConcurrentJobs must be a whole number of at least 1, not " + limit);
        }
        return limit.asInt();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }

    private static LocalDate date(JsonNode model, String field) {
        return model.hasNonNull(field) ? LocalDate.parse(model.get(field).asText()) : null;
    }

    private static ModelCapabilities.ReferenceImages referenceImages(JsonNode rule) {
        if (rule.isMissingNode() || rule.isNull()) {
            return ModelCapabilities.ReferenceImages.NONE;
        }
        return new ModelCapabilities.ReferenceImages(
                rule.path("max").asInt(0),
                strings(rule.path("mediaTypes")),
                rule.path("mustMatchFrameSize").asBoolean(false),
                rule.path("maxBytes").asLong(0),
                rule.path("maxSide").asInt(0),
                rule.path("fit").asText("crop"),
                strings(rule.path("types")),
                rule.path("withFrames").asBoolean(true));
    }

    private static ModelCapabilities.Extend extend(JsonNode rule) {
        if (rule.isObject()) {
            return new ModelCapabilities.Extend(
                    true,
                    rule.path("maxSeconds").asDouble(0),
                    rule.path("blockSeconds").asDouble(0),
                    rule.path("onlyOwnOutputs").asBoolean(false),
                    "whole".equals(rule.path("output").asText("continuation")));
        }
        return rule.asBoolean(false) ? new ModelCapabilities.Extend(true, 0, 0, false) : ModelCapabilities.Extend.NONE;
    }

    /** Every model in the data, in its order. */
    public List<ModelCapabilities> models() {
        return models;
    }

    /** The named model, or the provider's default model when {@code model} is empty. */
    public Optional<ModelCapabilities> find(String provider, String model) {
        return models.stream()
                .filter(m -> m.provider().equals(provider))
                .filter(m -> model.isEmpty() ? m.isDefault() : m.model().equals(model))
                .findFirst();
    }

    /** Usable models on {@code today} among the providers this build can drive. */
    public List<ModelCapabilities> usable(LocalDate today, Set<String> availableProviders) {
        return models.stream()
                .filter(m -> availableProviders.contains(m.provider()))
                .filter(m -> m.isUsable(today))
                .toList();
    }
}
