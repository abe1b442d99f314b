package dev.reelforge.core.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything the media task needs to turn an approved provider original into the deliverables. Stored as JSON
 * in the clip store, so the same plan runs in the ECS container on AWS and in-process locally. Fields added after
 * the first version default when a stored plan lacks them, so older plan documents still run.
 *
 * @param sourceKey clip-store key of the provider original (never modified)
 * @param outputPrefix clip-store prefix the outputs are written under
 * @param renditions outputs to produce, each an H.264 + AAC MP4 with faststart
 * @param thumbnail whether to write {@code thumbnail.jpg} and {@code poster.jpg}
 * @param beatClipKeys when a storyboard was rendered as one clip per beat: those clips in order, stitched with
 *     crossfades; empty means {@code sourceKey} alone
 * @param crossfadeSeconds length of each beat-boundary crossfade (video xfade and audio acrossfade)
 * @param origin the facts about the original that go into the provenance record
 */
public record MediaPlan(
        String jobId,
        String tenant,
        String sourceKey,
        String outputPrefix,
        List<Rendition> renditions,
        boolean thumbnail,
        List<String> beatClipKeys,
        double crossfadeSeconds,
        Grade grade,
        AudioPolish audio,
        Watermark watermark,
        Origin origin) {

    public static final double DEFAULT_CROSSFADE_SECONDS = 0.5;

    public MediaPlan {
        renditions = List.copyOf(renditions);
        beatClipKeys = beatClipKeys == null ? List.of() : List.copyOf(beatClipKeys);
        crossfadeSeconds = crossfadeSeconds <= 0 ? DEFAULT_CROSSFADE_SECONDS : crossfadeSeconds;
        grade = grade == null ? Grade.DEFAULT : grade;
        audio = audio == null ? AudioPolish.DEFAULT : audio;
        watermark = watermark == null ? Watermark.DEFAULT : watermark;
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    /** A single-clip plan with the default grade, audio polish and watermark. */
    public MediaPlan(
            String jobId,
            String tenant,
            String sourceKey,
            String outputPrefix,
            List<Rendition> renditions,
            boolean thumbnail) {
        this(
                jobId,
                tenant,
                sourceKey,
                outputPrefix,
                renditions,
                thumbnail,
                List.of(),
                DEFAULT_CROSSFADE_SECONDS,
                null,
                null,
                null,
                null);
    }

    /** The clips to read, in timeline order: the beat clips, or the single source. */
    public List<String> inputKeys() {
        return beatClipKeys.isEmpty() ? List.of(sourceKey) : beatClipKeys;
    }

    /**
     * Who made the original: provider, model, the provider's job id and the SHA-256 of the prompt (never the prompt
     * itself, which may be confidential), and for an edit the version it was made from.
     */
    public record Origin(
            String provider,
            String model,
            String providerJobId,
            String promptSha256,
            @JsonInclude(JsonInclude.Include.NON_NULL) ProvenanceRecord.PreviousVersion versionOf) {
        public static final Origin UNKNOWN = new Origin("", "", "", "");

        /** The origin of a job that is no edit of another. */
        public Origin(String provider, String model, String providerJobId, String promptSha256) {
            this(provider, model, providerJobId, promptSha256, null);
        }

        public Origin {
            provider = provider == null ? "" : provider;
            model = model == null ? "" : model;
            providerJobId = providerJobId == null ? "" : providerJobId;
            promptSha256 = promptSha256 == null ? "" : promptSha256;
        }
    }
}
