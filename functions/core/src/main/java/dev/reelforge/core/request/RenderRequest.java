package dev.reelforge.core.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.reelforge.core.review.checks.ReviewProfiles;
import dev.reelforge.core.review.checks.ReviewThresholds;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A validated request to render one clip: who asks, what to show, how to render it, with which provider and
 * within which budget, and the limits its review applies. {@code referenceImage} is where the image the clip
 * starts from comes from (an object key or a prompt to generate it; {@link ReferenceSource#NONE} for none), checked
 * and fitted by {@code ReferenceIntake}; {@code lastFrame} the one it ends on and {@code referenceImages} the assets
 * or styles that guide it, checked against the model's data by {@code GuideImages}. {@code continuous} asks
 * for one clip even where the storyboard has several shots (else they render shot by shot, {@code ShotPlan}). Built only by {@link RequestParser}, so every instance has passed the schema.
 */
public record RenderRequest(
        String tenant,
        String clientRequestId,
        String prompt,
        Storyboard storyboard,
        RenderSettings settings,
        ProviderChoice provider,
        double budgetUsd,
        int maxAttempts,
        GiveUpPolicy onGiveUp,
        List<String> defects,
        boolean defectsPersist,
        Map<String, Double> reviewOverrides,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) ReferenceSource referenceImage,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean continuous,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String lastFrame,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GuideReference> referenceImages) {

    public RenderRequest {
        referenceImage = referenceImage == null ? ReferenceSource.NONE : referenceImage;
        lastFrame = lastFrame == null ? "" : lastFrame;
        referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
        defects = List.copyOf(defects);
        reviewOverrides = reviewOverrides == null ? Map.of() : Map.copyOf(reviewOverrides);
        ReviewThresholds.defaults().with(reviewOverrides);
    }

    /** A request without a last frame or reference images. */
    public RenderRequest(
            String tenant,
            String clientRequestId,
            String prompt,
            Storyboard storyboard,
            RenderSettings settings,
            ProviderChoice provider,
            double budgetUsd,
            int maxAttempts,
            GiveUpPolicy onGiveUp,
            List<String> defects,
            boolean defectsPersist,
            Map<String, Double> reviewOverrides,
            ReferenceSource referenceImage,
            boolean continuous) {
        this(
                tenant,
                clientRequestId,
                prompt,
                storyboard,
                settings,
                provider,
                budgetUsd,
                maxAttempts,
                onGiveUp,
                defects,
                defectsPersist,
                reviewOverrides,
                referenceImage,
                continuous,
                "",
                List.of());
    }

    /** Whether the request names images beyond {@code referenceImage}: a last frame or reference images. */
    public boolean hasGuides() {
        return !lastFrame.isEmpty() || !referenceImages.isEmpty();
    }

    /** A request that renders shot by shot where its storyboard has several shots ({@code continuous} false). */
    public RenderRequest(
            String tenant,
            String clientRequestId,
            String prompt,
            Storyboard storyboard,
            RenderSettings settings,
            ProviderChoice provider,
            double budgetUsd,
            int maxAttempts,
            GiveUpPolicy onGiveUp,
            List<String> defects,
            boolean defectsPersist,
            Map<String, Double> reviewOverrides,
            ReferenceSource referenceImage) {
        this(
                tenant,
                clientRequestId,
                prompt,
                storyboard,
                settings,
                provider,
                budgetUsd,
                maxAttempts,
                onGiveUp,
                defects,
                defectsPersist,
                reviewOverrides,
                referenceImage,
                false);
    }

    /** The review limits: the defaults with this request's overrides. */
    public ReviewThresholds reviewThresholds() {
        return ReviewThresholds.defaults().with(reviewOverrides);
    }

    /** The review limits: the profile of this request's provider (if it has one), then this request's overrides. */
    public ReviewThresholds reviewThresholds(ReviewProfiles profiles) {
        return profiles.forProvider(provider.name()).with(reviewOverrides);
    }

    /** What to do when attempts or budget run out without a passing clip. */
    public enum GiveUpPolicy {
        ACCEPT_BEST("accept-best"),
        FAIL("fail");

        private final String label;

        GiveUpPolicy(String label) {
            this.label = label;
        }

        /** The request's own spelling ({@code onGiveUp}), which is also its JSON form in the workflow state. */
        @JsonValue
        public String label() {
            return label;
        }

        /** A label, or the constant's name, which states written before the labels became the JSON form hold. */
        @JsonCreator
        public static GiveUpPolicy fromWire(String wire) {
            return find(p -> p.label.equals(wire) || p.name().equals(wire), wire);
        }

        /** The request's spelling only, as a request must write it. */
        public static GiveUpPolicy fromLabel(String label) {
            return find(p -> p.label.equals(label), label);
        }

        private static GiveUpPolicy find(Predicate<GiveUpPolicy> matches, String value) {
            for (GiveUpPolicy p : values()) {
                if (matches.test(p)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unsupported onGiveUp " + value);
        }
    }

    /**
     * One of the request's {@code referenceImages}: an object key and its kind, {@code asset} (a subject whose look
     * is kept) or {@code style}.
     */
    public record GuideReference(String image, String type) {
        public GuideReference {
            type = type == null || type.isEmpty() ? "asset" : type;
        }
    }

    /** The provider and model to render with; {@code animatic} is the offline default. */
    public record ProviderChoice(String name, String model) {}
}
