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
import java.io.IOException;
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
 * The ratio is of wall time, as the target is; beside it each round's CPU time (this JVM's and its finished
 * children's, from /proc, in 10 ms ticks) gives a CPU ratio, which other work on the machine moves far less.
 */
public final class AnalysisBench {
    private static final RenderSettings SETTINGS =
            new RenderSettings(AspectRatio.LANDSCAPE_16_9, 10, Resolution.R1080P, 30, 1, "");
    private static final Storyboard STORYBOARD = new Storyboard(
            "Test pattern, one locked-off shot",
            List.of(new Beat(0, 5, "The pattern scrolls"), new Beat(5, 10, "The pattern keeps scrolling")),
            List.of(new AudioCue(2.0, "beep")));

    /** USER_HZ, 100 on every Linux the bundled FFmpeg runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

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
        List<Double> cpuRatios = new ArrayList<>();
        ClipMetrics last = null;
        for (int i = 0; i < rounds; i++) {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            ffmpeg.run(
                    "decoding (baseline)",
                    List.of("-v", "error", "-i", clip.toString(), "-f", "null", "-"),
                    Duration.ofMinutes(5));
            long t1 = System.nanoTime();
            double c1 = cpuSeconds();
            last = analyzer.analyze(clip);
            long analysed = System.nanoTime();
            ClipChecks.evaluate(last, SETTINGS, STORYBOARD, ReviewThresholds.defaults());
            long t2 = System.nanoTime();
            double c2 = cpuSeconds();
            cpuRatios.add((c2 - c1) / (c1 - c0));
            plain.add((t1 - t0) / 1e9);
            analysis.add((t2 - t1) / 1e9);
            ratios.add(analysis.get(i) / plain.get(i));
            System.out.printf(
                    Locale.ROOT,
                    "round %d: plain decode %.2f s, analysis + checks %.2f s (checks %.2f s), ratio %.2fx;"
                            + " CPU %.2f s vs %.2f s, %.2fx%n",
                    i + 1,
                    plain.get(i),
                    analysis.get(i),
                    (t2 - analysed) / 1e9,
                    ratios.get(i),
                    c1 - c0,
                    c2 - c1,
                    cpuRatios.get(i));
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
        System.out.printf(
                Locale.ROOT,
                "median of the per-round CPU-time ratios %.2fx (not the target's measure)%n",
                median(cpuRatios));
        Files.deleteIfExists(clip);
        Files.deleteIfExists(dir);
    }

    /**
     * CPU seconds of this process and of its children that have been waited for (utime, stime, cutime, cstime of
     * /proc/self/stat); NaN where there is no /proc.
     */
    private static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field <= 14; field++) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
