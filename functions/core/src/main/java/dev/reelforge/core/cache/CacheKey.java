package dev.reelforge.core.cache;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RenderSettings;
import java.util.List;
import java.util.Locale;

/**
 * Content address of a request: what would make the provider return a different clip goes in (tenant, the
 * normalised prompt and cues, provider, model, picture settings, injected defects, the reference image's content); what would not stays out
 * (client request id, budget, variations, attempts). The tenant is in the key so one tenant never receives
 * another's clip.
 */
public final class CacheKey {
    private static final String VERSION = "v1";

    private CacheKey() {}

    public static String of(RenderRequest request, ModelCapabilities model) {
        return of(request, model, "");
    }

    /**
     * With the reference image's SHA-256: a different image is a different clip. A request without one keeps the
     * key it always had, so existing cache entries still answer.
     */
    public static String of(RenderRequest request, ModelCapabilities model, String referenceSha256) {
        RenderSettings s = request.settings();
        StringBuilder canonical = new StringBuilder(VERSION)
                .append('\n')
                .append(request.tenant())
                .append('\n')
                .append(normalise(request.prompt()));
        for (AudioCue cue : request.storyboard().audioCues()) {
            canonical
                    .append('\n')
                    .append(String.format(Locale.ROOT, "cue %.3f %s", cue.atSeconds(), normalise(cue.description())));
        }
        canonical
                .append('\n')
                .append(model.provider())
                .append('/')
                .append(model.model())
                .append('\n')
                .append(s.aspectRatio().label())
                .append(' ')
                .append(s.resolution().label())
                .append(String.format(Locale.ROOT, " %.3f s %d fps ", s.durationSeconds(), s.fps()))
                .append(normalise(s.style()));
        List<String> defects = request.defects().stream().sorted().toList();
        canonical.append('\n').append(String.join(",", defects));
        if (!referenceSha256.isEmpty()) {
            canonical.append("\nreference sha256 ").append(referenceSha256);
        }
        return Sha256.hex(canonical.toString());
    }

    /**
     * A multi-shot sequence rendered shot by shot: the request's key as for one clip, marked as stitched from shots,
     * so a storyboard rendered as one continuous clip and the same storyboard rendered shot by shot never answer each
     * other. Shots of a model that takes no first frame are not chained, which draws other shots, so such a sequence
     * is marked unchained too: capability data that changes a model's {@code firstFrame} changes the key (chained
     * sequences keep the key they always had).
     *
     * @param contentKey the reference image's SHA-256 (and any guides' key); empty for none
     */
    public static String sequence(RenderRequest request, ModelCapabilities model, String contentKey) {
        String kind = model.firstFrame() ? " sequence\n" : " sequence unchained\n";
        return Sha256.hex(VERSION + kind + of(request, model, contentKey));
    }

    /**
     * One shot of a sequence, by its fingerprint ({@code ShotFingerprints}: model, the shot's own prompt,
     * storyboard, settings and defects, the reference where it starts from one, and the predecessor for a chained
     * shot). The tenant is in the key, as in every key.
     */
    public static String shot(String tenant, String fingerprint) {
        return Sha256.hex(VERSION + " shot\n" + tenant + "\n" + fingerprint);
    }

    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
