package dev.reelforge.core.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.sequence.JoinReview;
import java.util.List;

/**
 * What the media task wrote: one entry per output, with its clip-store key, the encoder and decode path it chose
 * and why, the loudness it measured, and where the signed provenance record is. Fields added after the first
 * version are empty when an older document lacks them.
 *
 * @param decoder how frames were decoded and scaled ({@code cpu}, or {@code cuda+scale_cuda}) and why
 * @param provenanceKey clip-store key of the signed provenance record, or empty
 * @param loudness the measured input and the target the audio was normalised to; null without audio
 * @param joins a stitched sequence's review at each join (empty for one clip)
 */
public record MediaResult(
        String jobId,
        List<Output> outputs,
        String encoder,
        String encoderReason,
        String decoder,
        String provenanceKey,
        Loudness loudness,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JoinReview.Result> joins) {

    public MediaResult {
        outputs = List.copyOf(outputs);
        joins = joins == null ? List.of() : List.copyOf(joins);
        decoder = decoder == null ? "" : decoder;
        provenanceKey = provenanceKey == null ? "" : provenanceKey;
    }

    public MediaResult(String jobId, List<Output> outputs, String encoder, String encoderReason) {
        this(jobId, outputs, encoder, encoderReason, "", "", null, List.of());
    }

    /** Without a review at joins (one clip, or a document written before the joins were reviewed). */
    public MediaResult(
            String jobId,
            List<Output> outputs,
            String encoder,
            String encoderReason,
            String decoder,
            String provenanceKey,
            Loudness loudness) {
        this(jobId, outputs, encoder, encoderReason, decoder, provenanceKey, loudness, List.of());
    }

    /** One written file. {@code rendition} is the rendition name, {@code thumbnail}, {@code poster} or {@code provenance}. */
    public record Output(String rendition, String key, int width, int height, String sha256) {}

    /** EBU R128 figures of the polished (pre-normalisation) audio and the normalisation target. */
    public record Loudness(
            double inputLufs,
            double inputTruePeakDbtp,
            double inputLra,
            double targetLufs,
            double truePeakCeilingDbtp,
            String normalisation) {}
}
