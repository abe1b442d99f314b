package dev.reelforge.core.review;

import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.request.FrameSize;
import dev.reelforge.core.request.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does the file match what was ordered: duration within one frame (and never more than 0.1 s off), exact frame
 * size, frame rate, and an audio stream (unless the model renders no sound). A provider that silently returns 5 s for a 6 s order, or drops the
 * audio, fails here before anyone looks at the picture.
 */
public final class ConformanceCheck {
    public static final String NAME = "conformance";

    private ConformanceCheck() {}

    /** Without an order to compare with: the clip only needs a picture with a frame rate and a sound track. */
    public static Check evaluateUnordered(ProbeResult probe) {
        List<String> missing = new ArrayList<>();
        if (probe.width() <= 0 || probe.fps() <= 0) {
            missing.add("no video stream");
        }
        if (!probe.hasAudio()) {
            missing.add("no audio stream");
        }
        String detail = missing.isEmpty()
                ? String.format(
                        Locale.ROOT,
                        "%.2f s, %dx%d, %.2f fps, %s + %s (no request to compare with)",
                        probe.durationSeconds(),
                        probe.width(),
                        probe.height(),
                        probe.fps(),
                        probe.videoCodec(),
                        probe.audioCodec())
                : String.join("; ", missing);
        return new Check(
                NAME,
                missing.isEmpty(),
                missing.size(),
                0,
                "mismatches",
                detail,
                missing.isEmpty() ? "" : "regenerate with a picture and an audio track");
    }

    public static Check evaluate(ProbeResult probe, RenderSettings ordered) {
        return evaluate(probe, ordered, true);
    }

    /**
     * @param audioExpected false for a clip of a model that renders no sound: a missing audio stream is then what
     *     was ordered, not a mismatch
     */
    public static Check evaluate(ProbeResult probe, RenderSettings ordered, boolean audioExpected) {
        List<String> mismatches = new ArrayList<>();
        double tolerance = Math.min(0.1, 1.0 / ordered.fps() + 1e-3);
        double durationError = Math.abs(probe.durationSeconds() - ordered.durationSeconds());
        if (durationError > tolerance) {
            mismatches.add(String.format(
                    Locale.ROOT,
                    "duration %.2f s, ordered %.2f s",
                    probe.durationSeconds(),
                    ordered.durationSeconds()));
        }
        FrameSize size = ordered.frameSize();
        if (probe.width() != size.width() || probe.height() != size.height()) {
            mismatches.add("size " + probe.width() + "x" + probe.height() + ", ordered " + size);
        }
        if (Math.abs(probe.fps() - ordered.fps()) > 0.01) {
            mismatches.add(String.format(Locale.ROOT, "%.3f fps, ordered %d", probe.fps(), ordered.fps()));
        }
        if (!probe.hasAudio() && audioExpected) {
            mismatches.add("no audio stream");
        }
        String detail = mismatches.isEmpty()
                ? String.format(
                        Locale.ROOT,
                        "%.2f s, %dx%d, %.2f fps, %s + %s",
                        probe.durationSeconds(),
                        probe.width(),
                        probe.height(),
                        probe.fps(),
                        probe.videoCodec(),
                        probe.hasAudio() ? probe.audioCodec() : "no audio (the model renders none)")
                : String.join("; ", mismatches);
        return new Check(
                NAME,
                mismatches.isEmpty(),
                mismatches.size(),
                0,
                "mismatches",
                detail,
                mismatches.isEmpty() ? "" : "regenerate with the exact duration, size, frame rate and an audio track");
    }
}
