package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.review.checks.ReferenceMatch;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegFrameComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The animatic opens on the fitted reference image and draws its world in the image's colours. */
class ReferenceOpeningTest {
    private static final Pattern SSIM_ALL = Pattern.compile("All:([0-9.]+)");

    @TempDir
    static Path dir;

    private static Ffmpeg ffmpeg;
    private static Path image;
    private static Path clip;

    @BeforeAll
    static void render() throws Exception {
        ffmpeg = Ffmpeg.bundled();
        image = Files.write(dir.resolve("fitted.png"), Stills.png(360, 640, 0));
        GenerationSpec plain = AnimaticSpecs.portrait(7);
        GenerationSpec spec = new GenerationSpec(
                plain.prompt(),
                plain.storyboard(),
                plain.settings(),
                plain.model(),
                plain.seed(),
                List.of(),
                "",
                "",
                image.toString());
        clip = dir.resolve("with-reference.mp4");
        new AnimaticRenderer(ffmpeg).render(spec, clip, p -> {});
    }

    private static double ssimOfFrameAt(double seconds) {
        String stderr = ffmpeg.run(
                        "measuring SSIM against the reference",
                        List.of(
                                "-v",
                                "info",
                                "-ss",
                                Double.toString(seconds),
                                "-i",
                                clip.toString(),
                                "-i",
                                image.toString(),
                                "-lavfi",
                                "[0:v]format=yuv420p,trim=end_frame=1[a];" + "[1:v]format=yuv420p[b];[a][b]ssim",
                                "-f",
                                "null",
                                "-"),
                        Duration.ofSeconds(30))
                .stderr();
        Matcher m = SSIM_ALL.matcher(stderr);
        assertThat(m.find())
                .as("ffmpeg's ssim filter printed a score: %s", stderr)
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void render_withReference_firstFrameMatchesTheFittedImage() {
        assertThat(ssimOfFrameAt(0)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void firstFrameSsim_clipWithAndWithoutTheReference_separatesThem() {
        FfmpegFrameComparison frames = new FfmpegFrameComparison(ffmpeg);
        Path plain = dir.resolve("plain.mp4");
        new AnimaticRenderer(ffmpeg).render(AnimaticSpecs.portrait(7), plain, p -> {});

        double opening = frames.firstFrameSsim(clip, image);
        double without = frames.firstFrameSsim(plain, image);

        System.out.printf("reference-match SSIM: opening on the image %.4f, without it %.4f%n", opening, without);
        assertThat(opening).isGreaterThanOrEqualTo(0.9);
        assertThat(without).isLessThan(ReferenceMatch.THRESHOLD);
    }

    @Test
    void render_withReference_dissolvesIntoTheDrawnSceneAfterwards() {
        assertThat(ssimOfFrameAt(2.5)).isLessThan(0.9);
    }

    @Test
    void recolour_takesSubjectWallAndFloorFromTheImage() {
        byte[] rgb = new byte[360 * 640 * 3];
        var picture = Stills.image(360, 640, 0);
        for (int y = 0; y < 640; y++) {
            for (int x = 0; x < 360; x++) {
                int c = picture.getRGB(x, y);
                int i = (y * 360 + x) * 3;
                rgb[i] = (byte) (c >> 16);
                rgb[i + 1] = (byte) (c >> 8);
                rgb[i + 2] = (byte) c;
            }
        }
        WorldLook drawn = new WorldLook(0xffffff, Material.CERAMIC, 0, 0, 0, 0, 0, 3, 0);

        WorldLook look = new ReferenceOpening(rgb, 360, 640).recolour(drawn);

        int centre = picture.getRGB(180, 320) & 0xffffff;
        assertThat(Math.abs((look.subject() >> 16) - (centre >> 16))).isLessThan(12);
        assertThat(look.wallTop() >> 16).isEqualTo(picture.getRGB(5, 5) >> 16 & 0xff);
        assertThat(look.subject()).isNotEqualTo(look.wallTop());
    }
}
