package dev.reelforge.core.reference;

import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderRequest.GuideReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's {@code lastFrame} and {@code referenceImages}, held against the model's capability data before any
 * spend ({@code lastFrame}; {@code referenceImages {max, types, withFrames}}), then stored like the reference image.
 * Each refusal names the field, the model and the capability, e.g. {@code referenceImages: vertex-veo/veo-3.1-generate-001
 * takes at most 3 reference images (referenceImages.max), not 4}. Thread-safe.
 */
public final class GuideImages {
    private GuideImages() {}

    /** Refuses what {@code model}'s data says it cannot take; reads nothing. */
    public static void check(RenderRequest request, ModelCapabilities model) {
        String name = model.qualifiedName();
        if (!request.lastFrame().isEmpty()) {
            if (!model.lastFrame()) {
                throw InvalidRequestException.of(
                        "lastFrame",
                        name + " takes no last frame (its capability data has no lastFrame); drop lastFrame or"
                                + " choose a model that takes one");
            }
            if (request.referenceImage().isEmpty() || !model.firstFrame()) {
                throw InvalidRequestException.of(
                        "lastFrame",
                        "a last frame needs referenceImage as the clip's first frame (" + name
                                + " reads lastFrame only with a first frame)");
            }
        }
        List<GuideReference> references = request.referenceImages();
        if (references.isEmpty()) {
            return;
        }
        ModelCapabilities.ReferenceImages rule = model.referenceImages();
        if (rule.max() <= 0 || rule.types().isEmpty()) {
            throw InvalidRequestException.of(
                    "referenceImages",
                    name + " takes no list of reference images (its capability data has no referenceImages.types);"
                            + " drop referenceImages");
        }
        int count = references.size() + (request.referenceImage().isEmpty() || model.firstFrame() ? 0 : 1);
        if (count > rule.max()) {
            throw InvalidRequestException.of(
                    "referenceImages",
                    name + " takes at most " + rule.max() + " reference images (referenceImages.max), not " + count);
        }
        long styles = 0;
        for (int i = 0; i < references.size(); i++) {
            String type = references.get(i).type();
            if (!rule.types().contains(type)) {
                throw InvalidRequestException.of(
                        "referenceImages[" + i + "].type",
                        name + " takes reference images of type " + String.join(", ", rule.types()) + ", not " + type
                                + " (referenceImages.types)");
            }
            styles += type.equals("style") ? 1 : 0;
        }
        if (styles > 0 && references.size() > 1) {
            throw InvalidRequestException.of(
                    "referenceImages", "a style image goes alone: send one style image or only asset images");
        }
        if (!rule.withFrames()
                && !(request.referenceImage().isEmpty() && request.lastFrame().isEmpty())) {
            throw InvalidRequestException.of(
                    "referenceImages",
                    name + " takes reference images or a first and last frame, not both (referenceImages.withFrames"
                            + " is false); drop referenceImage and lastFrame, or referenceImages");
        }
    }

    /** Checks, then stores each image: the last frame fitted to the frame, references as they are. */
    public static List<GuideImage> prepare(RenderRequest request, ModelCapabilities model, ReferenceIntake intake) {
        check(request, model);
        List<GuideImage> guides = new ArrayList<>();
        String tenant = request.tenant();
        if (!request.lastFrame().isEmpty()) {
            guides.add(new GuideImage(
                    GuideImage.Role.LAST_FRAME,
                    intake.prepare(
                            tenant,
                            request.lastFrame(),
                            model,
                            request.settings().frameSize(),
                            "lastFrame",
                            true)));
        }
        List<GuideReference> references = request.referenceImages();
        for (int i = 0; i < references.size(); i++) {
            GuideReference reference = references.get(i);
            guides.add(new GuideImage(
                    GuideImage.Role.fromWire(reference.type()),
                    intake.prepare(
                            tenant,
                            reference.image(),
                            model,
                            request.settings().frameSize(),
                            "referenceImages[" + i + "].image",
                            false)));
        }
        return List.copyOf(guides);
    }

    /** The images' contents for the cache key, in order with their roles: other images make another clip. */
    public static String contentKey(List<GuideImage> guides) {
        StringBuilder key = new StringBuilder();
        for (GuideImage g : guides) {
            key.append(' ')
                    .append(g.role().label())
                    .append(':')
                    .append(g.image().sha256());
        }
        return key.toString().strip();
    }
}
