package dev.reelforge.core.media;

import java.util.List;

/**
 * Everything the review checks read about one clip, measured in one decode pass: what ffprobe says about its
 * streams (the conformance facts), per-frame picture series (index = frame number, {@code NaN} where a frame was not
 * sampled), detected intervals, audio onsets and loudness, plus a small contact sheet for the report. Pure data, so
 * every check is a pure function of it.
 *
 * @param probe the streams as ffprobe reports them; {@link #fps()}, {@link #width()}, {@link #height()} and
 *     {@link #hasAudio()} read it
 * @param durationSeconds the duration of the decoded frames (frame count over frame rate)
 * @param luma mean luma per frame, 0–255 (signalstats' YAVG, computed as signalstats does)
 * @param motion mean absolute luma difference to the previous frame, 0–255 (signalstats YDIF); frame 0 is 0
 * @param chromaU mean U per frame (signalstats UAVG), for colour drift
 * @param chromaV mean V per frame (signalstats VAVG)
 * @param cutScore scene-change score per frame, 0–100 (scdet)
 * @param blur blur per sampled frame (blurdetect: mean edge width in pixels at the analysis size)
 * @param softness softness per blur sample, 0 (sharp) to 1: how little the picture changes when it is blurred again
 *     (the re-blur measure of Crête et al., 2007), NaN where not sampled or where the picture is flat
 * @param blockiness blockiness per sampled frame (blockdetect on the 8-px grid of a full-resolution crop, the weaker
 *     of the column and row edges; clean pictures read about 1.5 or less)
 * @param onsetStrength audio onset envelope per {@code onsetHopSeconds} (spectral flux, normalised 0–1)
 * @param thumbnails every frame as a tiny RGB picture, for the checks that look at where and what colour things are
 * @param speechOnsets where speech starts (voice-activity detection on the same audio), seconds
 */
public record ClipMetrics(
        ProbeResult probe,
        double durationSeconds,
        double[] luma,
        double[] motion,
        double[] chromaU,
        double[] chromaV,
        double[] cutScore,
        double[] blur,
        double[] softness,
        double[] blockiness,
        List<Interval> frozen,
        List<Interval> black,
        List<Double> audioOnsets,
        double[] onsetStrength,
        double onsetHopSeconds,
        double loudnessLufs,
        byte[] contactSheetJpeg,
        FrameThumbnails thumbnails,
        List<Double> speechOnsets) {

    public ClipMetrics {
        frozen = List.copyOf(frozen);
        black = List.copyOf(black);
        audioOnsets = List.copyOf(audioOnsets);
        contactSheetJpeg = contactSheetJpeg == null ? new byte[0] : contactSheetJpeg;
        thumbnails = thumbnails == null ? FrameThumbnails.none() : thumbnails;
        speechOnsets = speechOnsets == null ? List.of() : List.copyOf(speechOnsets);
    }

    public double fps() {
        return probe.fps();
    }

    public int width() {
        return probe.width();
    }

    public int height() {
        return probe.height();
    }

    public boolean hasAudio() {
        return probe.hasAudio();
    }

    public int frameCount() {
        return luma.length;
    }

    /** Seconds at which frame {@code index} starts. */
    public double timeOf(int index) {
        return index / fps();
    }

    /** A stretch of the clip, in seconds, e.g. a frozen or black segment. */
    public record Interval(double startSeconds, double endSeconds) {
        public double duration() {
            return endSeconds - startSeconds;
        }

        public boolean contains(double t) {
            return t >= startSeconds && t <= endSeconds;
        }
    }
}
