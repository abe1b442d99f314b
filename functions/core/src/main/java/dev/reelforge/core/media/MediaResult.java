package dev.reelforge.core.media;

import java.util.List;

/**
 * What the media task wrote: one entry per output, with its clip-store key, the encoder and decode path it chose
 * and why, the loudness it measured, and where the signed provenance record is. Fields added after the first
 * version are empty when an older document lacks them.
 *
 * @param decoder how frames were decoded and scaled ({@code cpu}, or {@code cuda+scale_cuda}) and why
 * @param provenanceKey clip-store key of the signed provenance record, or empty
 * @param loudness the measured input and the target the audio was normalised to; null without audio
 */
public record MediaResult(
        String jobId,
        List<Output> outputs,
        String encoder,
        String encoderReason,
        String decoder,
        String provenanceKey,
        Loudness loudness) {

    public MediaResult {
        outputs = List.copyOf(outputs);
        decoder = decoder == null ? "" : decoder;
        provenanceKey = provenanceKey == null ? "" : provenanceKey;
    }

    public MediaResult(String jobId, List<Output> outputs, String encoder, String encoderReason) {
        this(jobId, outputs, encoder, encoderReason, "", "", null);
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
