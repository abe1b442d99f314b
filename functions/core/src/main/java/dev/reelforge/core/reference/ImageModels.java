package dev.reelforge.core.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The image models a reference image can be generated with, their price per image and their lifecycle, read from
 * {@code image-generators.json} (data, like the video models' capability data, because models retire faster than
 * code ships). Immutable, thread-safe.
 */
public final class ImageModels {
    /** The request field whose prompt these models turn into a still. */
    public static final String FIELD = ReferenceKeys.FIELD + ".generate";

    private static final String RESOURCE = "/dev/reelforge/core/image-generators.json";

    private final List<ImageModel> models;

    public ImageModels(List<ImageModel> models) {
        this.models = List.copyOf(models);
    }

    /**
     * One image model.
     *
     * @param pricePerImageUsd null when no first-party price could be cited; such a model is refused before spend
     * @param maxPromptChars 0 for no documented limit
     */
    public record ImageModel(
            String provider,
            String model,
            Double pricePerImageUsd,
            int maxPromptChars,
            Lifecycle lifecycle,
            LocalDate endOfLife) {
        public String qualifiedName() {
            return provider + "/" + model;
        }

        /** This model at a deployer's price. */
        public ImageModel withPrice(double usd) {
            return new ImageModel(provider, model, usd, maxPromptChars, lifecycle, endOfLife);
        }

        /**
         * @throws InvalidRequestException naming {@link #FIELD} when the model is retired, has no price or the
         *     prompt is longer than it takes
         */
        public void check(String prompt, LocalDate today) {
            if (lifecycle == Lifecycle.RETIRED || (endOfLife != null && !today.isBefore(endOfLife))) {
                throw InvalidRequestException.of(
                        FIELD,
                        qualifiedName() + " is retired" + (endOfLife == null ? "" : " since " + endOfLife)
                                + "; this deployment must choose another image model (REELFORGE_IMAGE_MODEL), or"
                                + " upload the image instead");
            }
            if (pricePerImageUsd == null) {
                throw InvalidRequestException.of(
                        FIELD,
                        qualifiedName() + " has no per-image price in the image-generator data (none could be"
                                + " cited); the deployment must set REELFORGE_IMAGE_PRICE_USD before spending on it");
            }
            if (maxPromptChars > 0 && prompt.length() > maxPromptChars) {
                throw InvalidRequestException.of(
                        FIELD,
                        String.format(
                                Locale.ROOT,
                                "the image prompt has %d characters; %s takes at most %d",
                                prompt.length(),
                                qualifiedName(),
                                maxPromptChars));
            }
        }
    }

    public static ImageModels bundled(ObjectMapper json) {
        try (InputStream in = ImageModels.class.getResourceAsStream(RESOURCE)) {
            return parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static ImageModels parse(JsonNode root) {
        List<ImageModel> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            models.add(new ImageModel(
                    m.path("provider").asText(),
                    m.path("model").asText(),
                    m.hasNonNull("pricePerImageUsd") ? m.get("pricePerImageUsd").asDouble() : null,
                    m.path("maxPromptChars").asInt(0),
                    Lifecycle.valueOf(m.path("lifecycle").asText("active").toUpperCase(Locale.ROOT)),
                    m.hasNonNull("endOfLife")
                            ? LocalDate.parse(m.get("endOfLife").asText())
                            : null));
        }
        return new ImageModels(models);
    }

    /**
     * The model {@code provider} offers as {@code model}; an empty {@code model} is the provider's first entry.
     *
     * @throws IllegalArgumentException for a pair the data does not list (a deployment's configuration error)
     */
    public ImageModel find(String provider, String model) {
        return models.stream()
                .filter(m -> m.provider().equals(provider)
                        && (model.isEmpty() || m.model().equals(model)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the image-generator data lists no model " + provider
                        + "/" + (model.isEmpty() ? "*" : model) + "; add it to image-generators.json"));
    }
}
