package dev.reelforge.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.SampledFrame;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.AspectRatio;
import dev.reelforge.core.request.Beat;
import dev.reelforge.core.request.RenderSettings;
import dev.reelforge.core.request.Resolution;
import dev.reelforge.core.request.Storyboard;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.animatic.AnimaticRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegFrameSamplerTest {
    @TempDir
    Path dir;

    @Test
    void sample_portraitAnimatic_givesEvenlySpreadStillsWithinTheLongSide() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        Path clip = dir.resolve("clip.mp4");
        Storyboard storyboard =
                new Storyboard("A ball falls", List.of(new Beat(0, 3, "A ball falls to the floor")), List.of());
        new AnimaticRenderer(ffmpeg)
                .render(
                        new GenerationSpec(
                                "a ball falls",
                                storyboard,
                                new RenderSettings(AspectRatio.PORTRAIT_9_16, 3, Resolution.R480P, 24, 1, ""),
                                "animatic",
                                5,
                                List.of(),
                                "",
                                ""),
                        clip,
                        p -> {});

        List<SampledFrame> stills = new FfmpegFrameSampler(ffmpeg).sample(clip, 6, 320);

        assertThat(stills).hasSize(6);
        assertThat(stills.get(0).seconds()).isCloseTo(6 / 24.0, within(1e-9));
        assertThat(stills.get(5).seconds()).isCloseTo((6 + 5 * 12) / 24.0, within(1e-9));
        BufferedImage first =
                ImageIO.read(new ByteArrayInputStream(stills.get(0).jpeg()));
        assertThat(first.getHeight()).isEqualTo(320);
        assertThat(first.getWidth()).isEqualTo(180);
    }
}
