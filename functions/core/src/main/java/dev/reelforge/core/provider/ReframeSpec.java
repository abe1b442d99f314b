package dev.reelforge.core.provider;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.Resolution;

/**
 * A provider-side change of a finished clip's aspect ratio, for {@link dev.reelforge.core.port.VideoProvider#reframe}:
 * the provider paints the newly exposed canvas around {@code sourceJobId}'s content (Luma's {@code video_reframe}),
 * rather than Reelforge cropping it. Check it against the capability data first with {@link #check}.
 *
 * @param prompt what to paint into the new canvas
 * @param from the source render's aspect ratio
 * @param to the aspect ratio wanted, which must differ from {@code from}
 */
public record ReframeSpec(
        String sourceJobId, String prompt, String model, AspectRatio from, AspectRatio to, Resolution resolution) {
    public ReframeSpec {
        if (sourceJobId == null || sourceJobId.isBlank()) {
            throw InvalidRequestException.of("reframe.of", "names no provider job to reframe");
        }
        if (from == to) {
            throw InvalidRequestException.of("reframe.aspectRatio", "is already " + to.label());
        }
        prompt = prompt == null ? "" : prompt;
    }

    /** @throws InvalidRequestException naming {@code reframe} and the model, where its data says it cannot */
    public void check(ModelCapabilities model) {
        if (!model.reframe()) {
            throw InvalidRequestException.of(
                    "reframe", model.qualifiedName() + " cannot reframe a clip (its capability data has no reframe)");
        }
        if (!model.aspectRatios().contains(to.label())) {
            throw InvalidRequestException.of(
                    "reframe.aspectRatio",
                    model.qualifiedName() + " renders " + String.join(", ", model.aspectRatios()) + ", not "
                            + to.label());
        }
    }
}
