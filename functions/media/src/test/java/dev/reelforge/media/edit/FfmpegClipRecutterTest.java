package dev.reelforge.media.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.RecutOp;
import dev.reelforge.core.edit.RecutPlan;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-cuts of a synthetic 6 s clip (moving test pattern and a tone) through the bundled FFmpeg, probed after. */
class FfmpegClipRecutterTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.bundled();

    @TempDir
    static Path dir;

    private static Path source;

    @BeforeAll
    static void makeSource() {
        source = dir.resolve("source.mp4");
        FFMPEG.run(
                "making a test clip",
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x240:rate=24:duration=6",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000:duration=6",
                        "-c:v",
                        FFMPEG.h264Encoder().name(),
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        source.toString()),
                Duration.ofSeconds(60));
    }

    private static ProbeResult probe(Path clip) {
        return new FfprobeClipProbe(FFMPEG).probe(clip);
    }

    @Test
    void recut_expandOneSecondToThree_runsEightSecondsWithSoundToTheEnd() {
        Path target = dir.resolve("expanded.mp4");
        RecutPlan plan = RecutPlan.of(List.of(RecutOp.expand("e", "00:02-00:03=00:02-00:05")), 6, 10);

        new FfmpegClipRecutter(FFMPEG).recut(source, plan, 24, target);

        ProbeResult facts = probe(target);
        assertThat(facts.durationSeconds()).isCloseTo(8.0, within(0.1));
        assertThat(facts.fps()).isCloseTo(24.0, within(0.01));
        assertThat(facts.hasAudio()).isTrue();
        assertThat(facts.width()).isEqualTo(320);
    }

    @Test
    void recut_trimAndSpeedUp_isShorterByTheArithmetic() {
        Path target = dir.resolve("trimmed.mp4");
        RecutPlan plan =
                RecutPlan.of(List.of(RecutOp.trim("t", "00:01-00:05"), RecutOp.retime("r", "00:03-00:05=0.5")), 6, 10);

        new FfmpegClipRecutter(FFMPEG).recut(source, plan, 24, target);

        assertThat(plan.outputSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(probe(target).durationSeconds()).isCloseTo(3.0, within(0.1));
    }

    @Test
    void filterGraph_slowedSpan_isMotionInterpolatedAndItsSoundStretched() {
        RecutPlan plan = RecutPlan.of(List.of(RecutOp.retime("r", "00:02-00:03=3")), 6, 10);

        String graph = FfmpegClipRecutter.filterGraph(plan, 24, true);

        assertThat(graph)
                .contains("setpts=(PTS-STARTPTS)*3.000000,minterpolate=fps=24:mi_mode=mci")
                .contains("atempo=0.5,atempo=0.666667")
                .endsWith("concat=n=3:v=1:a=1[v][a]");
        assertThat(FfmpegClipRecutter.filterGraph(plan, 24, false))
                .doesNotContain("[0:a]")
                .endsWith("[v]");
        assertThat(FfmpegClipRecutter.tempo(0.25)).isEqualTo(",atempo=4.000000");
    }
}
