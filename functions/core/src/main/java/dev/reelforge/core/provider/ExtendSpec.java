package dev.reelforge.core.provider;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.RenderSettings;
import java.util.Locale;

/**
 * A provider-side extension of a clip the same provider rendered: continue {@code sourceJobId} by {@code seconds}
 * under {@code prompt}, for {@link dev.reelforge.core.port.VideoProvider#extend}. Re-cut (issue 19) and any later
 * "make it longer" path build one and check it against the model's capability data first with {@link #check}, so a
 * model that cannot extend is refused before any spend.
 *
 * <pre>{@code
 * ExtendSpec spec = new ExtendSpec(job.providerJobId(), "the ball rolls out of frame", "ray-3.2", settings, 5, 5);
 * spec.check(catalog.find("luma", "ray-3.2").orElseThrow());
 * ProviderJob extension = luma.extend(spec, jobId + "/extend/1");
 * }</pre>
 *
 * @param sourceJobId the provider job whose finished clip is continued (the provider's own output)
 * @param settings aspect ratio and resolution of the source render
 * @param sourceSeconds how long the source clip is
 * @param seconds how much longer it should become
 */
public record ExtendSpec(
        String sourceJobId,
        String prompt,
        String model,
        RenderSettings settings,
        double sourceSeconds,
        double seconds) {

    public ExtendSpec {
        if (sourceJobId == null || sourceJobId.isBlank()) {
            throw InvalidRequestException.of("extend.of", "names no provider job to extend");
        }
        if (!(seconds > 0)) {
            throw InvalidRequestException.of("extend.seconds", "must be more than 0");
        }
        prompt = prompt == null ? "" : prompt;
    }

    /**
     * Refuses what {@code model}'s capability data says it cannot do: no extend at all, a length that is not a whole
     * number of the model's blocks, or a clip longer than its maximum.
     *
     * @throws InvalidRequestException naming {@code extend} and the model
     */
    public void check(ModelCapabilities model) {
        ModelCapabilities.Extend extend = model.extend();
        if (!extend.supported()) {
            throw InvalidRequestException.of(
                    "extend", model.qualifiedName() + " cannot extend a clip (its capability data has no extend)");
        }
        double blocks = extend.blockSeconds() > 0 ? seconds / extend.blockSeconds() : 1;
        if (Math.abs(blocks - Math.rint(blocks)) > 1e-9) {
            throw InvalidRequestException.of(
                    "extend.seconds",
                    String.format(
                            Locale.ROOT,
                            "%s extends in %.0f s blocks; %.1f s is not a whole number of them",
                            model.qualifiedName(),
                            extend.blockSeconds(),
                            seconds));
        }
        if (extend.maxSeconds() > 0 && sourceSeconds + seconds > extend.maxSeconds() + 1e-9) {
            throw InvalidRequestException.of(
                    "extend.seconds",
                    String.format(
                            Locale.ROOT,
                            "%s extends a clip to at most %.0f s; %.1f s + %.1f s is longer",
                            model.qualifiedName(),
                            extend.maxSeconds(),
                            sourceSeconds,
                            seconds));
        }
    }
}
