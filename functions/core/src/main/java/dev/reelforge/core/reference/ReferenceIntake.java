package dev.reelforge.core.reference;

import static dev.reelforge.core.reference.ReferenceKeys.FIELD;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ImageFitter;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.FrameSize;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Takes a request's reference image in before any spend: the key must be the tenant's own, the bytes a whole PNG,
 * JPEG or WebP within the model's limits (capability data {@code referenceImages}, {@code firstFrame}), the aspect
 * ratio the frame's where the model is strict. The original is kept under its SHA-256 and the copy fitted to the
 * frame beside it; both are written once and never replaced. Thread-safe when its ports are.
 */
public final class ReferenceIntake {
    /** Aspect ratios this close (relative) count as the frame's: 1280x720 and 1920x1088 both pass as 16:9. */
    static final double ASPECT_TOLERANCE = 0.02;

    static final int MIN_SIDE = 64;

    private final Supplier<ClipStore> stores;
    private final ImageFitter fitter;

    public ReferenceIntake(ClipStore store, ImageFitter fitter) {
        this(() -> store, fitter);
    }

    /** With the store built on first use, so a Validate that sees no reference image never builds an S3 client. */
    public ReferenceIntake(Supplier<ClipStore> store, ImageFitter fitter) {
        this.stores = store;
        this.fitter = fitter;
    }

    public ReferenceImage prepare(String tenant, String key, ModelCapabilities model, FrameSize frame) {
        return prepare(tenant, key, model, frame, FIELD, true);
    }

    /**
     * The same for another of the request's images, whose refusals name {@code field} ({@code lastFrame},
     * {@code referenceImages[1].image}); {@code fitToFrame} false keeps the original as the copy sent (a reference
     * image guides the clip and is not one of its frames, so cropping it to the frame could cut its subject).
     */
    public ReferenceImage prepare(
            String tenant, String key, ModelCapabilities model, FrameSize frame, String field, boolean fitToFrame) {
        ReferenceKeys.checked(tenant, key, field);
        ClipStore store = stores.get();
        ModelCapabilities.ReferenceImages rule = model.referenceImages();
        requireTakesImages(model, field);
        long size = store.size(key)
                .orElseThrow(() -> InvalidRequestException.of(field, "no object at '" + key + "'; upload it first"));
        requireWithinSize(size, model, field);
        byte[] bytes = store.getBytes(key)
                .orElseThrow(() -> InvalidRequestException.of(field, "no object at '" + key + "'; upload it first"));
        ImageHeader header = inspect(bytes, model, frame, field);
        String sha = Sha256.hex(bytes);
        String original = ReferenceKeys.original(tenant, sha, header.format());
        putOnce(store, original, bytes, header.format().mediaType());
        if (!fitToFrame || header.width() == frame.width() && header.height() == frame.height()) {
            return new ReferenceImage(
                    key, sha, original, original, header.format().mediaType(), "none");
        }
        String policy = rule.fit().equals("pad") ? "pad" : "crop";
        String fitted = ReferenceKeys.fitted(tenant, sha, policy, frame);
        if (!store.exists(fitted)) {
            store.putBytes(fitted, fitter.fit(bytes, header, frame, policy), "image/png");
        }
        return new ReferenceImage(key, sha, original, fitted, "image/png", policy);
    }

    /**
     * The checks on the bytes alone (type, wholeness, size, sides, a strict model's aspect ratio), for {@code
     * reelforge validate}, which has no store to keep copies in.
     */
    public static ImageHeader inspect(byte[] bytes, ModelCapabilities model, FrameSize frame) {
        return inspect(bytes, model, frame, FIELD);
    }

    /** The same, naming {@code field} in a refusal. */
    public static ImageHeader inspect(byte[] bytes, ModelCapabilities model, FrameSize frame, String field) {
        requireTakesImages(model, field);
        ModelCapabilities.ReferenceImages rule = model.referenceImages();
        requireWithinSize(bytes.length, model, field);
        ImageHeader header = ImageHeader.read(bytes, field);
        check(header, rule, model, frame, field);
        return header;
    }

    /** Refused by its size alone, before the object is read (the store answers that from a HEAD). */
    private static void requireWithinSize(long bytes, ModelCapabilities model, String field) {
        long limit = model.referenceImages().maxBytes();
        if (bytes > limit) {
            throw InvalidRequestException.of(
                    field,
                    "the image is " + bytes + " bytes, over the " + limit + "-byte limit of " + model.qualifiedName());
        }
    }

    private static void requireTakesImages(ModelCapabilities model, String field) {
        if (!model.firstFrame() && model.referenceImages().max() <= 0) {
            throw InvalidRequestException.of(
                    field,
                    model.qualifiedName() + " takes no image (its capability data has no firstFrame and no"
                            + " referenceImages); drop referenceImage or choose a model that takes one");
        }
    }

    private static void check(
            ImageHeader header,
            ModelCapabilities.ReferenceImages rule,
            ModelCapabilities model,
            FrameSize frame,
            String field) {
        if (!rule.mediaTypes().isEmpty()
                && !rule.mediaTypes().contains(header.format().mediaType())) {
            throw InvalidRequestException.of(
                    field,
                    "the image is " + header.format().mediaType() + "; " + model.qualifiedName() + " takes "
                            + String.join(", ", rule.mediaTypes()));
        }
        int longest = Math.max(header.width(), header.height());
        if (longest > rule.maxSide() || Math.min(header.width(), header.height()) < MIN_SIDE) {
            throw InvalidRequestException.of(
                    field,
                    "the image is " + header.width() + "x" + header.height() + " px; " + model.qualifiedName()
                            + " takes sides from " + MIN_SIDE + " to " + rule.maxSide() + " px");
        }
        double frameAspect = (double) frame.width() / frame.height();
        if (rule.fit().equals("strict") && Math.abs(header.aspect() / frameAspect - 1) > ASPECT_TOLERANCE) {
            throw InvalidRequestException.of(
                    field,
                    String.format(
                            Locale.ROOT,
                            "the image's aspect ratio is %.3f (%dx%d) and the frame's %.3f (%s); %s takes only"
                                    + " images of the frame's shape (fit: strict): crop it, or change"
                                    + " settings.aspectRatio",
                            header.aspect(),
                            header.width(),
                            header.height(),
                            frameAspect,
                            frame,
                            model.qualifiedName()));
        }
    }

    private static void putOnce(ClipStore store, String key, byte[] bytes, String type) {
        if (!store.exists(key)) {
            store.putBytes(key, bytes, type);
        }
    }
}
