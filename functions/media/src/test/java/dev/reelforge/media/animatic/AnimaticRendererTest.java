package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.media.ClipAnalysis;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimaticRendererTest {
    private static final double FRAME = 1.0 / AnimaticSpecs.FPS;

    @TempDir
    static Path dir;

    private static Ffmpeg ffmpeg;
    private static AnimaticRenderer renderer;
    private static ClipAnalysis analysis;
    private static Path clean;

    @BeforeAll
    static void renderCleanClip() {
        ffmpeg = Ffmpeg.bundled();
        renderer = new AnimaticRenderer(ffmpeg);
        analysis = new ClipAnalysis(ffmpeg);
        clean = render("clean", AnimaticSpecs.portrait(7));
    }

    @Test
    void render_portraitSpec_writesH264AacAtExactSizeRateAndDuration() {
        ProbeResult probe = new FfprobeClipProbe(ffmpeg).probe(clean);

        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.audioSampleRate()).isEqualTo(48_000);
        assertThat(probe.audioChannels()).isEqualTo(2);
        assertThat(probe.width()).isEqualTo(360);
        assertThat(probe.height()).isEqualTo(640);
        assertThat(probe.fps()).isEqualTo(AnimaticSpecs.FPS);
        assertThat(probe.durationSeconds()).isCloseTo(AnimaticSpecs.SECONDS, within(FRAME));
    }

    @Test
    void render_landscapeSpec_writesExactLandscapeSize() {
        Path clip = render("landscape", AnimaticSpecs.spec(AspectRatio.LANDSCAPE_16_9, 1.5, 7));

        ProbeResult probe = new FfprobeClipProbe(ffmpeg).probe(clip);

        assertThat(probe.width()).isEqualTo(640);
        assertThat(probe.height()).isEqualTo(360);
        assertThat(probe.durationSeconds()).isCloseTo(1.5, within(FRAME));
    }

    @Test
    void render_mp4_hasMoovAtomBeforeMediaData() throws Exception {
        byte[] head = Files.readAllBytes(clean);
        String ascii = new String(head, 0, Math.min(head.length, 64 * 1024), StandardCharsets.ISO_8859_1);

        assertThat(ascii.indexOf("moov")).isPositive().isLessThan(ascii.indexOf("mdat"));
    }

    @Test
    void render_sameSeed_producesIdenticalFrames() {
        Path again = render("same-seed", AnimaticSpecs.portrait(7));

        assertThat(analysis.videoFrameMd5s(again)).isEqualTo(analysis.videoFrameMd5s(clean));
    }

    @Test
    void render_differentSeed_producesDifferentFramesWithSameTiming() {
        Path other = render("other-seed", AnimaticSpecs.portrait(8));

        assertThat(analysis.videoFrameMd5s(other)).isNotEqualTo(analysis.videoFrameMd5s(clean));
        assertThat(onset(other)).isCloseTo(AnimaticSpecs.IMPACT_SECONDS, within(0.001));
    }

    @Test
    void render_audioCue_transientStartsAtCueTimeWithinOneMillisecond() {
        assertThat(onset(clean)).isCloseTo(AnimaticSpecs.IMPACT_SECONDS, within(0.001));
    }

    @Test
    void render_audioOffsetDefect_shiftsTransientBy200Milliseconds() {
        Path shifted = render("offset", AnimaticSpecs.portrait(7, "audio-offset:200"));

        assertThat(onset(shifted) - onset(clean)).isCloseTo(0.200, within(0.001));
    }

    @Test
    void render_blackDefect_blackdetectFindsAtLeastHalfASecond() {
        Path black = render("black", AnimaticSpecs.portrait(7, "black:0"));
        String filter = "blackdetect=d=0.3:pix_th=0.10";

        assertThat(ClipAnalysis.values(analysis.videoFilterLog(black, filter), "black_duration"))
                .singleElement()
                .satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(0.5));
        assertThat(ClipAnalysis.values(analysis.videoFilterLog(clean, filter), "black_duration"))
                .isEmpty();
    }

    @Test
    void render_freezeDefect_holdsTheFallingMugForAboutOneSecond() {
        Path frozen = render("freeze", AnimaticSpecs.portrait(7, "freeze"));
        String filter = "freezedetect=n=0.003:d=0.5";
        double freezeStart = AnimaticSpecs.IMPACT_SECONDS - FRAME;

        assertThat(freezes(frozen, filter)).anySatisfy(f -> {
            assertThat(f[0]).isCloseTo(freezeStart, within(FRAME));
            assertThat(f[1] - f[0]).isGreaterThanOrEqualTo(1.0 - 2 * FRAME);
        });
        assertThat(freezes(clean, filter))
                .as("the clean mug moves through its fall")
                .noneMatch(f -> Math.abs(f[0] - freezeStart) <= 2 * FRAME);
    }

    /** freezedetect's stretches as {start, end} pairs, seconds. */
    private List<double[]> freezes(Path clip, String filter) {
        String log = analysis.videoFilterLog(clip, filter);
        List<Double> starts = ClipAnalysis.values(log, "lavfi.freezedetect.freeze_start");
        List<Double> durations = ClipAnalysis.values(log, "lavfi.freezedetect.freeze_duration");
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double start = starts.get(i);
            out.add(new double[] {start, i < durations.size() ? start + durations.get(i) : AnimaticSpecs.SECONDS});
        }
        return out;
    }

    @Test
    void render_flickerDefect_makesBrightnessJumpBetweenFrames() {
        Path flicker = render("flicker", AnimaticSpecs.portrait(7, "flicker:0.6"));

        assertThat(brightnessJitter(flicker)).isGreaterThan(10 * Math.max(1, brightnessJitter(clean)));
    }

    @Test
    void render_blurDefect_lowersSharpness() {
        Path blurred = render("blur", AnimaticSpecs.portrait(7, "blur"));

        assertThat(sharpness(blurred)).isLessThan(0.6 * sharpness(clean));
    }

    @Test
    void render_blockyDefect_concentratesEdgesOnTheEightPixelGrid() {
        Path blocky = render("blocky", AnimaticSpecs.portrait(7, "blocky:1"));

        assertThat(gridEdgeRatio(blocky)).isGreaterThan(3 * gridEdgeRatio(clean));
    }

    @Test
    void render_cutDefect_jumpsToAnotherSceneInsideABeat() {
        Path cut = render("cut", AnimaticSpecs.portrait(7, "cut"));

        double[] cutJumps = frameJumps(cut);
        double[] cleanJumps = frameJumps(clean);
        int cutFrame = argMax(cutJumps);

        assertThat(cutFrame * FRAME)
                .isBetween(AnimaticSpecs.BEAT_BOUNDARY_SECONDS + 2 * FRAME, AnimaticSpecs.SECONDS - FRAME);
        assertThat(cutJumps[cutFrame]).isGreaterThan(3 * cleanJumps[argMax(cleanJumps)]);
    }

    @Test
    void render_unknownDefect_throwsIllegalArgumentNamingIt() {
        assertThatThrownBy(
                        () -> renderer.render(AnimaticSpecs.portrait(7, "sparkles:0.3"), dir.resolve("x.mp4"), p -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sparkles");
    }

    @Test
    void render_progress_reportsRisingPercentagesEndingAt100() {
        List<Integer> reported = new ArrayList<>();

        renderer.render(
                AnimaticSpecs.spec(AspectRatio.PORTRAIT_9_16, 1.0, 3), dir.resolve("progress.mp4"), reported::add);

        assertThat(reported).isSorted().contains(100).last().isEqualTo(100);
        assertThat(reported.size()).isGreaterThan(5);
    }

    private static Path render(String name, GenerationSpec spec) {
        Path out = dir.resolve(name + ".mp4");
        renderer.render(spec, out, p -> {});
        return out;
    }

    private static double onset(Path clip) {
        return ClipAnalysis.onsetSeconds(analysis.leftChannel(clip), 0.12, 0.05);
    }

    private static double brightnessJitter(Path clip) {
        List<int[]> frames = analysis.grayFrames(clip, 45, 80);
        double sum = 0;
        for (int i = 1; i < frames.size(); i++) {
            sum += Math.abs(ClipAnalysis.meanLuma(frames.get(i)) - ClipAnalysis.meanLuma(frames.get(i - 1)));
        }
        return sum / (frames.size() - 1);
    }

    /** Gradient energy: blur spreads an edge of height h over w pixels, cutting h² to h²/w. */
    private static double sharpness(Path clip) {
        double sum = 0;
        List<int[]> frames = analysis.grayFrames(clip, 360, 640);
        for (int[] f : frames) {
            for (int y = 0; y < 640; y++) {
                for (int x = 0; x < 359; x++) {
                    int step = f[y * 360 + x + 1] - f[y * 360 + x];
                    sum += step * step;
                }
            }
        }
        return sum / frames.size();
    }

    /** Mean horizontal luma step across 8×8 block borders divided by the mean step inside blocks. */
    private static double gridEdgeRatio(Path clip) {
        double border = 0;
        double inside = 0;
        for (int[] f : analysis.grayFrames(clip, 360, 640)) {
            for (int y = 0; y < 640; y++) {
                for (int x = 0; x < 359; x++) {
                    int step = Math.abs(f[y * 360 + x + 1] - f[y * 360 + x]);
                    if (x % 8 == 7) {
                        border += step;
                    } else {
                        inside += step;
                    }
                }
            }
        }
        return border / (inside / 7 + 1e-9);
    }

    /** Picture change into each frame, zero where a beat boundary falls between two frames (cuts are expected there). */
    private static double[] frameJumps(Path clip) {
        List<int[]> frames = analysis.grayFrames(clip, 45, 80);
        double[] jumps = new double[frames.size()];
        for (int i = 1; i < frames.size(); i++) {
            boolean boundary = (i - 1) * FRAME < AnimaticSpecs.BEAT_BOUNDARY_SECONDS
                    && i * FRAME >= AnimaticSpecs.BEAT_BOUNDARY_SECONDS;
            jumps[i] = boundary ? 0 : ClipAnalysis.meanAbsDifference(frames.get(i), frames.get(i - 1));
        }
        return jumps;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
