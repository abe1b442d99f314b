package dev.reelforge.media.analysis;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.media.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/analysis/run.sh's main: makes a 10 s 1080p30 H.264 + AAC clip (testsrc2 + sine) with the bundled FFmpeg,
 * then alternates the decode floor ({@code ffmpeg -i clip -f null -}) with the review's whole measurement:
 * {@link FfmpegClipAnalyzer#analyze} (probe + the one-pass graph + onset detection) and every check
 * ({@link ClipChecks#evaluate}, thumbnails included). Prints each round with its ratio, and the median of the ratios.
 */
public final class AnalysisBench {
    private static final RenderSettings SETTINGS =
            new RenderSettings(AspectRatio.LANDSCAPE_16_9, 10, Resolution.R1080P, 30, 1, "");
    private static final Storyboard STORYBOARD = new Storyboard(
            "Test pattern, one locked-off shot",
            List.of(new Beat(0, 5, "The pattern scrolls"), new Beat(5, 10, "The pattern keeps scrolling")),
            List.of(new AudioCue(2.0, "beep")));

    private AnalysisBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        Path dir = Files.createTempDirectory("reelforge-bench-");
        Path clip = dir.resolve("clip-1080p.mp4");
        ffmpeg.run(
                "making the bench clip",
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=1920x1080:r=30:d=10",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=f=440:d=10:beep_factor=4",
                        "-c:v",
                        ffmpeg.h264Encoder().name().equals("h264_nvenc") ? "h264_nvenc" : "libopenh264",
                        "-b:v",
                        "8M",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        clip.toString()),
                Duration.ofMinutes(5));
        FfmpegClipAnalyzer analyzer = new FfmpegClipAnalyzer(ffmpeg);
        analyzer.analyze(clip);
        List<Double> plain = new ArrayList<>();
        List<Double> analysis = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        ClipMetrics last = null;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            ffmpeg.run(
                    "decoding (baseline)",
                    List.of("-v", "error", "-i", clip.toString(), "-f", "null", "-"),
                    Duration.ofMinutes(5));
            long t1 = System.nanoTime();
            last = analyzer.analyze(clip);
            long analysed = System.nanoTime();
            ClipChecks.evaluate(last, SETTINGS, STORYBOARD, ReviewThresholds.defaults());
            long t2 = System.nanoTime();
            plain.add((t1 - t0) / 1e9);
            analysis.add((t2 - t1) / 1e9);
            ratios.add(analysis.get(i) / plain.get(i));
            System.out.printf(
                    Locale.ROOT,
                    "round %d: plain decode %.2f s, analysis + checks %.2f s (checks %.2f s), ratio %.2fx%n",
                    i + 1,
                    plain.get(i),
                    analysis.get(i),
                    (t2 - analysed) / 1e9,
                    ratios.get(i));
        }
        System.out.printf(
                Locale.ROOT,
                "clip: 10 s 1920x1080 30 fps; frames analysed %d, onsets %d%n",
                last.frameCount(),
                last.audioOnsets().size());
        System.out.printf(
                Locale.ROOT,
                "median plain decode %.2f s, median analysis + checks %.2f s; median of the %d per-round ratios"
                        + " %.2fx (target <= 1.30x)%n",
                median(plain),
                median(analysis),
                rounds,
                median(ratios));
        Files.deleteIfExists(clip);
        Files.deleteIfExists(dir);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
