package dev.reelforge.core.review.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Review limits for renderers whose look needs other values than the defaults, which are chosen on natural
 * footage. Data, not code: {@code review-profiles.json} names each profile's provider, its overrides and why. A
 * provider without a profile gets the defaults; a request's own overrides apply on top of either.
 */
public final class ReviewProfiles {
    private final Map<String, Map<String, Double>> byProvider;

    public ReviewProfiles(Map<String, Map<String, Double>> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
        this.byProvider
                .values()
                .forEach(overrides -> ReviewThresholds.defaults().with(overrides));
    }

    /** The profiles shipped with Reelforge. */
    public static ReviewProfiles bundled(ObjectMapper json) {
        try (InputStream in = ReviewProfiles.class.getResourceAsStream("/dev/reelforge/core/review-profiles.json")) {
            JsonNode root = json.readTree(in);
            Map<String, Map<String, Double>> profiles = new LinkedHashMap<>();
            root.path("profiles").fields().forEachRemaining(p -> {
                Map<String, Double> overrides = new LinkedHashMap<>();
                p.getValue()
                        .path("thresholds")
                        .fields()
                        .forEachRemaining(
                                t -> overrides.put(t.getKey(), t.getValue().asDouble()));
                profiles.put(p.getKey(), overrides);
            });
            return new ReviewProfiles(profiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled review profiles", e);
        }
    }

    /** The defaults with the provider's profile applied, or the defaults. */
    public ReviewThresholds forProvider(String provider) {
        return ReviewThresholds.defaults().with(byProvider.getOrDefault(provider, Map.of()));
    }
}
