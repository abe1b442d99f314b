package dev.reelforge.media.analysis;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.port.ClipProbe;
import dev.reelforge.core.port.FrameSampler;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import dev.reelforge.media.internal.ScratchDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link FrameSampler} over the bundled FFmpeg: one decode that keeps the middle frame of each of {@code count}
 * equal stretches of the clip (the rule the analysis samples blur by), scaled so the long side is at most
 * {@code longSide}, as JPEGs. A frame's time is its index over the frame rate, exact for the constant-rate clips
 * providers deliver. Thread-safe; each call works in its own temporary directory.
 */
public final class FfmpegFrameSampler implements FrameSampler {
    private final Ffmpeg ffmpeg;
    private final ClipProbe probe;

    public FfmpegFrameSampler(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.probe = new FfprobeClipProbe(ffmpeg);
    }

    @Override
    public List<SampledFrame> sample(Path clip, int count, int longSide) {
        if (count < 1 || longSide < 16) {
            throw new IllegalArgumentException(
                    "sample at least one still of at least 16 px, not " + count + " of " + longSide);
        }
        ProbeResult facts = probe.probe(clip);
        if (facts.fps() <= 0 || facts.width() <= 0) {
            throw new MediaProcessingException(
                    "cannot take stills from " + clip.getFileName() + ": no video stream with a frame rate");
        }
        EvenSample sample = new EvenSample((int) Math.round(facts.durationSeconds() * facts.fps()), count);
        try (ScratchDirectory dir = ScratchDirectory.create("reelforge-stills-")) {
            String filter = sample.selectAtMostCount() + "," + scale(facts, longSide);
            ffmpeg.run(
                    "taking stills of " + clip.getFileName() + " for the visual judge",
                    List.of(
                            "-v",
                            "error",
                            "-nostats",
                            "-i",
                            clip.toString(),
                            "-an",
                            "-vf",
                            filter,
                            "-fps_mode",
                            "passthrough",
                            "-q:v",
                            "3",
                            dir.resolve("still-%03d.jpg").toString()),
                    Duration.ofSeconds(60 + 10L * Math.round(facts.durationSeconds())));
            List<SampledFrame> stills = new ArrayList<>();
            for (int k = 0; ; k++) {
                Path still = dir.resolve(String.format(Locale.ROOT, "still-%03d.jpg", k + 1));
                if (!Files.exists(still)) {
                    break;
                }
                stills.add(new SampledFrame(sample.frame(k) / facts.fps(), Files.readAllBytes(still)));
            }
            if (stills.isEmpty()) {
                throw new MediaProcessingException("no stills could be taken from " + clip.getFileName());
            }
            return stills;
        } catch (IOException e) {
            throw new MediaProcessingException(
                    "could not take stills from " + clip.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Long side at most {@code longSide}, never scaled up, even sizes (JPEG 4:2:0). */
    private static String scale(ProbeResult facts, int longSide) {
        int w = facts.width();
        int h = facts.height();
        double factor = Math.min(1, (double) longSide / Math.max(w, h));
        int sw = Math.max(2, (int) Math.round(w * factor) / 2 * 2);
        int sh = Math.max(2, (int) Math.round(h * factor) / 2 * 2);
        return "scale=" + sw + ":" + sh + ":flags=area";
    }
}
