package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.AudioPolish;
import dev.reelforge.core.media.Grade;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.core.media.Rendition.Fit;
import dev.reelforge.core.media.Watermark;
import dev.reelforge.media.ClipAnalysis;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPlanRendererTest {
    private static final List<Rendition> RENDITIONS = List.of(
            new Rendition("9x16-crop", 270, 480, Fit.CROP),
            new Rendition("9x16-pad", 270, 480, Fit.PAD),
            new Rendition("16x9-crop", 480, 270, Fit.CROP),
            new Rendition("16x9-pad", 480, 270, Fit.PAD),
            new Rendition("1x1-pad", 240, 240, Fit.PAD));

    @TempDir
    static Path dir;

    private static Ffmpeg ffmpeg;
    private static MediaPlanRenderer renderer;
    private static FfprobeClipProbe probe;
    private static ClipAnalysis analysis;

    @BeforeAll
    static void setUp() {
        ffmpeg = Ffmpeg.bundled();
        renderer = new MediaPlanRenderer(ffmpeg);
        probe = new FfprobeClipProbe(ffmpeg);
        analysis = new ClipAnalysis(ffmpeg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"640x360", "360x640"})
    void render_anySourceShape_writesEveryRenditionAtItsExactSizeAndStills(String sourceSize) {
        Path source =
                source("gray-" + sourceSize, "color=c=0x909090:s=" + sourceSize + ":r=24:d=1", "sine=r=48000:d=1");

        RenderedPlan rendered =
                renderer.render(plan(RENDITIONS, true), List.of(source), null, dir.resolve("out-" + sourceSize));

        assertThat(rendered.outputs())
                .extracting(RenderedOutput::name)
                .containsExactly("9x16-crop", "9x16-pad", "16x9-crop", "16x9-pad", "1x1-pad", "poster", "thumbnail");
        for (Rendition rendition : RENDITIONS) {
            RenderedOutput output = rendered.output(rendition.name());
            ProbeResult written = probe.probe(output.file());
            assertThat(written.width()).isEqualTo(rendition.width());
            assertThat(written.height()).isEqualTo(rendition.height());
            assertThat(written.videoCodec()).isEqualTo("h264");
            assertThat(written.audioCodec()).isEqualTo("aac");
            assertThat(output.sha256())
                    .isEqualTo(MediaPlanRenderer.sha256(output.file()))
                    .hasSize(64);
        }
        assertThat(probe.probe(rendered.output("poster").file()).videoCodec()).isEqualTo("mjpeg");
        assertThat(rendered.output("poster").width()).isEqualTo(270);
        assertThat(rendered.output("thumbnail").height()).isEqualTo(480);
        assertThat(rendered.filterGraph()).contains("hue=s=0.92", "afftdn=nr=12", "loudnorm=", "overlay=");
    }

    @Test
    void render_landscapeSourceIntoPortrait_padAddsBlackBarsAndCropDoesNot() {
        Path source = source("gray-640x360", "color=c=0x909090:s=640x360:r=24:d=1", "sine=r=48000:d=1");

        RenderedPlan rendered =
                renderer.render(plan(RENDITIONS.subList(0, 2), false), List.of(source), null, dir.resolve("bars"));

        int[] padded = analysis.grayFrames(rendered.output("9x16-pad").file(), 270, 480)
                .get(0);
        int[] cropped = analysis.grayFrames(rendered.output("9x16-crop").file(), 270, 480)
                .get(0);
        assertThat(OutputMeasurements.mean(padded, 270, 0, 5, 270, 6)).isLessThan(24);
        assertThat(OutputMeasurements.mean(padded, 270, 0, 240, 270, 241)).isGreaterThan(100);
        assertThat(OutputMeasurements.mean(cropped, 270, 0, 5, 270, 6)).isGreaterThan(100);
    }

    @Test
    void render_quietNoisyAudio_isNormalisedToTargetWithinOneLuAndPeakBelowCeiling() {
        Path source = source(
                "quiet-noisy",
                "color=c=0x606060:s=320x180:r=24:d=4",
                "sine=f=330:r=48000:d=4,volume=0.15*(1+0.6*sin(2*PI*t)):eval=frame,"
                        + "aformat=channel_layouts=mono[t];anoisesrc=a=0.01:r=48000:d=4:seed=7[n];[t][n]amix=normalize=0");

        RenderedPlan rendered = renderer.render(
                plan(List.of(new Rendition("sq", 180, 180, Fit.CROP)), false),
                List.of(source),
                null,
                dir.resolve("loud"));

        double[] measured =
                OutputMeasurements.loudness(ffmpeg, rendered.output("sq").file());
        assertThat(rendered.loudness().inputLufs()).isLessThan(-24);
        assertThat(measured[0]).isCloseTo(AudioPolish.DEFAULT.targetLufs(), within(1.0));
        assertThat(measured[1]).isLessThanOrEqualTo(AudioPolish.DEFAULT.truePeakDbtp());
    }

    @Test
    void render_twoBeatClips_crossfadeLastsTheConfiguredLength() {
        Path dark = source("beat-dark", "color=c=0x202020:s=320x180:r=24:d=1.5", "sine=f=220:r=48000:d=1.5");
        Path light = source("beat-light", "color=c=0xE0E0E0:s=320x180:r=24:d=1.5", "sine=f=440:r=48000:d=1.5");
        double crossfade = 0.5;
        MediaPlan plan = new MediaPlan(
                "job-x",
                "tenant",
                "a.mp4",
                "out/",
                List.of(new Rendition("wide", 320, 180, Fit.CROP)),
                false,
                List.of("a.mp4", "b.mp4"),
                crossfade,
                new Grade(1, 1, 0, ""),
                null,
                null,
                null);

        RenderedPlan rendered = renderer.render(plan, List.of(dark, light), null, dir.resolve("xfade"));

        List<int[]> frames = analysis.grayFrames(rendered.output("wide").file(), 32, 18);
        long between = frames.stream()
                .map(f -> OutputMeasurements.mean(f, 32, 0, 0, 32, 9))
                .filter(luma -> luma > 40 && luma < 200)
                .count();
        double measuredSeconds = (between + 1) / 24.0;
        assertThat(measuredSeconds).isCloseTo(crossfade, within(1 / 24.0 + 1e-9));
        assertThat(probe.probe(rendered.output("wide").file()).durationSeconds())
                .isCloseTo(2.5, within(1 / 24.0 + 0.03));
    }

    @Test
    void render_twoShots_joinReviewSeesTheCrossfadeOnItsPlannedFrames() {
        Path moving = source("shot-moving", "testsrc2=s=320x180:r=24:d=2", "sine=f=220:r=48000:d=2");
        Path mirrored = source("shot-mirrored", "testsrc2=s=320x180:r=24:d=2,hflip", "sine=f=440:r=48000:d=2");
        Path bars = source("shot-bars", "smptebars=s=320x180:r=24:d=2", "sine=f=440:r=48000:d=2");
        JoinMeasurement joins = new JoinMeasurement(ffmpeg);
        Path oneScene = stitched("joins-one-scene", moving, mirrored);
        Path twoScenes = stitched("joins-two-scenes", moving, bars);

        var seen = joins.review(oneScene, List.of(moving, mirrored), 0.5);
        var misplanned = joins.review(oneScene, List.of(moving, mirrored), 1.0);
        var broken = joins.review(twoScenes, List.of(moving, bars), 0.5);

        System.out.println("join review of a real stitch: " + seen.get(0).detail());
        assertThat(seen)
                .singleElement()
                .satisfies(j -> assertThat(j.passed()).as(j.detail()).isTrue());
        assertThat(seen.get(0).seenStartFrame()).isCloseTo(36, within(1.0));
        assertThat(misplanned).singleElement().satisfies(j -> {
            assertThat(j.passed()).isFalse();
            assertThat(j.detail()).startsWith("join 1 (shot 1 → 2): crossfade planned over frames 24–48");
        });
        assertThat(broken).singleElement().satisfies(j -> {
            assertThat(j.passed()).isFalse();
            assertThat(j.detail()).contains("levels across it (limit 20)");
        });
    }

    private static Path stitched(String name, Path first, Path second) {
        MediaPlan plan = new MediaPlan(
                "job-j",
                "tenant",
                "a.mp4",
                "out/",
                List.of(new Rendition("wide", 320, 180, Fit.CROP)),
                false,
                List.of("a.mp4", "b.mp4"),
                0.5,
                new Grade(1.1, 1.05, 0.02, ""),
                null,
                null,
                null);
        return renderer.render(plan, List.of(first, second), null, dir.resolve(name))
                .output("wide")
                .file();
    }

    @Test
    void render_watermark_isDrawnInItsCornerOnly() {
        Path source = source("mid-gray", "color=c=0x808080:s=320x180:r=24:d=1", "sine=r=48000:d=1");
        Watermark mark = new Watermark("AI-generated", Watermark.Corner.BOTTOM_RIGHT, 0.08, 0.03);
        MediaPlan plan = new MediaPlan(
                "job-w",
                "tenant",
                "s.mp4",
                "out/",
                List.of(new Rendition("wide", 320, 180, Fit.CROP)),
                false,
                List.of(),
                0.5,
                new Grade(1, 1, 0, ""),
                null,
                mark,
                null);

        RenderedPlan rendered = renderer.render(plan, List.of(source), null, dir.resolve("mark"));

        int[] frame =
                analysis.grayFrames(rendered.output("wide").file(), 320, 180).get(0);
        int[] original = analysis.grayFrames(source, 320, 180).get(0);
        int bottomRightWhite = OutputMeasurements.brighterThan(frame, 320, 200, 150, 320, 180, 200);
        assertThat(bottomRightWhite).isGreaterThan(100);
        assertThat(OutputMeasurements.differing(frame, original, 320, 200, 150, 320, 180, 40))
                .isGreaterThan(500);
        assertThat(OutputMeasurements.differing(frame, original, 320, 0, 0, 120, 30, 40))
                .isZero();
        assertThat(OutputMeasurements.brighterThan(frame, 320, 0, 0, 120, 30, 200))
                .isZero();
        assertThat(OutputMeasurements.mean(frame, 320, 0, 0, 120, 30))
                .isCloseTo(OutputMeasurements.mean(original, 320, 0, 0, 120, 30), within(3.0));
    }

    @Test
    void render_planWithCubeLut_appliesTheLut() throws Exception {
        Path source = source("dark-gray", "color=c=0x303030:s=320x180:r=24:d=1", "sine=r=48000:d=1");
        Path lut = dir.resolve("invert.cube");
        StringBuilder cube = new StringBuilder("LUT_3D_SIZE 2\n");
        for (int b = 0; b < 2; b++) {
            for (int g = 0; g < 2; g++) {
                for (int r = 0; r < 2; r++) {
                    cube.append(1 - r)
                            .append(' ')
                            .append(1 - g)
                            .append(' ')
                            .append(1 - b)
                            .append('\n');
                }
            }
        }
        Files.writeString(lut, cube);
        MediaPlan plan = new MediaPlan(
                "job-l",
                "tenant",
                "s.mp4",
                "out/",
                List.of(new Rendition("wide", 320, 180, Fit.CROP)),
                false,
                List.of(),
                0.5,
                new Grade(1, 1, 0, "luts/invert.cube"),
                null,
                null,
                null);

        RenderedPlan rendered = renderer.render(plan, List.of(source), lut, dir.resolve("lut"));

        int[] frame =
                analysis.grayFrames(rendered.output("wide").file(), 320, 180).get(0);
        assertThat(OutputMeasurements.mean(frame, 320, 0, 0, 160, 90)).isGreaterThan(180);
        assertThat(rendered.filterGraph()).contains("lut3d=file=");
    }

    @Test
    void render_oddRenditionSize_isRejectedBeforeEncoding() {
        assertThatThrownBy(() -> renderer.render(
                        plan(List.of(new Rendition("odd", 271, 480, Fit.PAD)), false),
                        List.of(dir.resolve("none.mp4")),
                        null,
                        dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even");
    }

    @Test
    void render_unsafeRenditionName_isRejected() {
        assertThatThrownBy(() -> renderer.render(
                        plan(List.of(new Rendition("../x", 270, 480, Fit.PAD)), false),
                        List.of(dir.resolve("none.mp4")),
                        null,
                        dir))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encoder_always_hasNameAndReason() {
        assertThat(renderer.encoder().name()).isNotBlank();
        assertThat(renderer.encoder().reason()).isNotBlank();
        assertThat(renderer.decoding().describe()).isNotBlank();
    }

    private static MediaPlan plan(List<Rendition> renditions, boolean stills) {
        return new MediaPlan("job-1", "tenant", "src.mp4", "out/", renditions, stills);
    }

    /** A small H.264 + AAC clip from lavfi sources ({@code audio} may be a filter chain with labels). */
    static Path source(String name, String video, String audio) {
        Path source = dir.resolve(name + ".mp4");
        if (!Files.exists(source)) {
            ffmpeg.run(
                    "making a source",
                    List.of(
                            "-v",
                            "error",
                            "-f",
                            "lavfi",
                            "-i",
                            video,
                            "-filter_complex",
                            audio + "[aout]",
                            "-map",
                            "0:v",
                            "-map",
                            "[aout]",
                            "-c:v",
                            "libopenh264",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-b:a",
                            "192k",
                            "-shortest",
                            source.toString()),
                    Duration.ofSeconds(30));
        }
        return source;
    }
}
