package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.ConformanceCheck;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.media.Ffmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FFmpeg's synthetic test sources through the checklist as {@code reelforge review} runs it without a request (6 s
 * at 854×480, 24 fps, with a silent stereo track, the clip's own streams only): patterns nobody tuned a check on. Each must fail exactly the
 * checks written beside it, for the reason docs/review-checks.md gives ("Known limitations"), and pass the rest. The
 * sources that draw at random are pinned: life, cellauto and sierpinski by their seed; gradients by its colours and
 * line, because FFmpeg draws its default "random" colours from the clock whatever the seed (a seeded gradients clip
 * came out blurred in one run and blocky in another: its smooth ramps are where the encoder's blocks show).
 */
class SyntheticSourcesTest {
    private static final Storyboard NO_STORYBOARD = new Storyboard("", List.of(), List.of());

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "testsrc|",
                "testsrc2|",
                "smptehdbars|",
                "pal75bars|",
                "rgbtestsrc|",
                "life=seed=1|",
                "cellauto=seed=1|",
                "sierpinski=seed=1|",
                "zoneplate|",
                "gradients=c0=0x2050a0:c1=0xf0c070:x0=100:y0=60:x1=760:y1=420|",
                "smptebars|blockiness",
                "yuvtestsrc|blur",
                "mandelbrot|colour-drift",
            })
    void patternFailsOnlyItsDocumentedChecks(String source, String expectedFailures) {
        Path clip = dir.resolve(source.replaceAll("[^a-z0-9]", "_") + ".mp4");
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        ffmpeg.run(
                "rendering " + source,
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        source + (source.contains("=") ? ":" : "=") + "size=854x480:rate=24",
                        "-f",
                        "lavfi",
                        "-i",
                        "anullsrc=r=48000:cl=stereo",
                        "-t",
                        "6",
                        "-c:v",
                        "libopenh264",
                        "-b:v",
                        "4000000",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        clip.toString()),
                Duration.ofSeconds(120));
        ClipMetrics metrics = new FfmpegClipAnalyzer(ffmpeg).analyze(clip);

        List<Check> checks = ClipChecks.evaluate(
                ConformanceCheck.evaluateUnordered(metrics.probe()),
                metrics,
                NO_STORYBOARD,
                ReviewThresholds.defaults());

        Map<String, String> failed = new LinkedHashMap<>();
        checks.stream().filter(c -> !c.passed()).forEach(c -> failed.put(c.name(), c.detail()));
        assertThat(failed.keySet())
                .as("%s fails %s", source, failed)
                .containsExactlyInAnyOrderElementsOf(
                        expectedFailures == null
                                ? List.of()
                                : List.of(expectedFailures.split(",")).stream().collect(Collectors.toList()));
    }
}
