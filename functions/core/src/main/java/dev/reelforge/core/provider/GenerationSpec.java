package dev.reelforge.core.provider;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Storyboard;
import java.util.List;

/**
 * One clip to generate, as handed to a provider.
 *
 * @param prompt the full prompt text sent to a text-to-video model
 * @param seed variation seed; the animatic renders identically for the same seed
 * @param defects named defects to inject (animatic only; e.g. {@code flicker:0.6}, {@code audio-offset:200})
 * @param remixOf provider job id to remix, or empty for a fresh generation
 * @param editInstruction the targeted fix for a remix, or empty
 * @param referenceImage a local image file that guides generation (OpenAI {@code input_reference}), or empty
 * @param referenceImageUrl a time-limited https URL of the same image, for protocols that fetch it themselves
 *     (Luma's {@code video.start_frame}), or empty where the store cannot presign one
 * @param webhookUrl where the provider should call back when the job ends (fal's {@code fal_webhook}), or empty to
 *     be polled only
 * @param guides the request's last frame and reference images (empty for none); an adapter that maps none of
 *     them refuses a spec that has any ({@link #requireNoGuides}) rather than render without them
 */
public record GenerationSpec(
        String prompt,
        Storyboard storyboard,
        RenderSettings settings,
        String model,
        long seed,
        List<String> defects,
        String remixOf,
        String editInstruction,
        String referenceImage,
        String referenceImageUrl,
        String webhookUrl,
        List<GuideFile> guides) {

    public GenerationSpec {
        guides = guides == null ? List.of() : List.copyOf(guides);
        webhookUrl = webhookUrl == null ? "" : webhookUrl;
        referenceImageUrl = referenceImageUrl == null ? "" : referenceImageUrl;
        defects = List.copyOf(defects);
        remixOf = remixOf == null ? "" : remixOf;
        editInstruction = editInstruction == null ? "" : editInstruction;
        referenceImage = referenceImage == null ? "" : referenceImage;
    }

    /** A spec without a last frame or reference images. */
    public GenerationSpec(
            String prompt,
            Storyboard storyboard,
            RenderSettings settings,
            String model,
            long seed,
            List<String> defects,
            String remixOf,
            String editInstruction,
            String referenceImage,
            String referenceImageUrl,
            String webhookUrl) {
        this(
                prompt,
                storyboard,
                settings,
                model,
                seed,
                defects,
                remixOf,
                editInstruction,
                referenceImage,
                referenceImageUrl,
                webhookUrl,
                List.of());
    }

    /**
     * For an adapter that maps no last frame or reference images.
     *
     * @throws InvalidRequestException naming the field, when the spec carries any
     */
    public void requireNoGuides(String provider) {
        if (!guides.isEmpty()) {
            String field = guides.get(0).role() == GuideImage.Role.LAST_FRAME ? "lastFrame" : "referenceImages";
            throw InvalidRequestException.of(
                    field,
                    "the " + provider + " adapter maps no " + field + " (its model's data may, the code does not)");
        }
    }

    /** The guides of one role, in the request's order. */
    public List<GuideFile> guides(GuideImage.Role role) {
        return guides.stream().filter(g -> g.role() == role).toList();
    }

    /** A spec without a webhook: the provider is polled. */
    public GenerationSpec(
            String prompt,
            Storyboard storyboard,
            RenderSettings settings,
            String model,
            long seed,
            List<String> defects,
            String remixOf,
            String editInstruction,
            String referenceImage,
            String referenceImageUrl) {
        this(
                prompt,
                storyboard,
                settings,
                model,
                seed,
                defects,
                remixOf,
                editInstruction,
                referenceImage,
                referenceImageUrl,
                "");
    }

    /** A spec whose reference image, if any, has no URL. */
    public GenerationSpec(
            String prompt,
            Storyboard storyboard,
            RenderSettings settings,
            String model,
            long seed,
            List<String> defects,
            String remixOf,
            String editInstruction,
            String referenceImage) {
        this(prompt, storyboard, settings, model, seed, defects, remixOf, editInstruction, referenceImage, "");
    }

    /** A spec without a reference image. */
    public GenerationSpec(
            String prompt,
            Storyboard storyboard,
            RenderSettings settings,
            String model,
            long seed,
            List<String> defects,
            String remixOf,
            String editInstruction) {
        this(prompt, storyboard, settings, model, seed, defects, remixOf, editInstruction, "", "");
    }
}
