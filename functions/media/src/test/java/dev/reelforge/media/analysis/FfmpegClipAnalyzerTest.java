package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.AudioCue;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegClipAnalyzerTest {
    private static final Storyboard STORYBOARD = new Storyboard(
            "A ball falls",
            List.of(new Beat(0, 1.0, "A ball rests on a table"), new Beat(1.0, 3.0, "The ball falls to the floor")),
            List.of(new AudioCue(2.25, "thud")));

    /**
     * The clean 3 s animatic below as ffmpeg measures it ({@code ffmpeg -i clip.mp4 -af ebur128 -f null -}: I = −28.5
     * LUFS; {@code loudnorm} reads −28.67): a −35 dBFS room-tone bed and one thud. The analysis must read it within ±1 LU
     * (it read −28.54 when this was written).
     */
    private static final double SAMPLE_LOUDNESS_LUFS = -28.5;

    @TempDir
    Path dir;

    private ClipMetrics analyse(String... defects) {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        RenderSettings settings = new RenderSettings(AspectRatio.LANDSCAPE_16_9, 3, Resolution.R360P, 24, 1, "");
        Path clip = dir.resolve("clip.mp4");
        new AnimaticRenderer(ffmpeg)
                .render(
                        new GenerationSpec(
                                "a ball falls", STORYBOARD, settings, "animatic", 3, List.of(defects), "", ""),
                        clip,
                        p -> {});
        return new FfmpegClipAnalyzer(ffmpeg).analyze(clip);
    }

    @Test
    void analyze_animatic_givesEverySeriesPerFrameTheOnsetAtTheCueAndAContactSheet() {
        ClipMetrics m = analyse();
        assertThat(m.frameCount()).isEqualTo(72);
        assertThat(m.fps()).isEqualTo(24);
        assertThat(m.motion()).hasSize(72);
        assertThat(m.cutScore()).hasSize(72);
        assertThat(m.thumbnails().frameCount())
                .as("a thumbnail of every frame: the last, partly filled stack of 72 = 2 × 30 + 12 is written too")
                .isEqualTo(72);
        assertThat(Arrays.stream(m.luma()).allMatch(y -> y > 16 && y < 235)).isTrue();
        assertThat(Arrays.stream(m.blur()).filter(b -> !Double.isNaN(b)).count())
                .isEqualTo(24L);
        assertThat(Arrays.stream(m.blockiness()).filter(b -> !Double.isNaN(b)).count())
                .isEqualTo(24L);
        for (int i = 0; i < m.frameCount(); i++) {
            assertThat(Double.isNaN(m.softness()[i]))
                    .as("a softness on every blur sample's frame, and only there (frame %d)", i)
                    .isEqualTo(Double.isNaN(m.blur()[i]));
        }
        assertThat(Arrays.stream(m.softness()).filter(s -> !Double.isNaN(s))).allMatch(s -> s > 0 && s < 0.6);
        assertThat(m.audioOnsets()).hasSize(1);
        assertThat(m.audioOnsets().get(0)).isCloseTo(2.25, within(0.02));
        assertThat(m.loudnessLufs()).isCloseTo(SAMPLE_LOUDNESS_LUFS, within(1.0));
        assertThat(m.frozen())
                .as("the ball rests before its fall and settles after the thud, but never holds while it falls")
                .noneMatch(f -> f.startSeconds() < 2.25 && f.endSeconds() > 2.05);
        assertThat(m.black()).isEmpty();
        assertThat(m.contactSheetJpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void analyze_blackAndFrozenDefects_areReportedAsIntervals() {
        ClipMetrics m = analyse("black:0.5", "freeze:0.5");
        assertThat(m.black()).hasSize(1);
        assertThat(m.black().get(0).duration()).isCloseTo(1.0, within(0.1));
        assertThat(m.frozen()).anySatisfy(f -> assertThat(f.duration()).isGreaterThan(0.6));
    }
}
