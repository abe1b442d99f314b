package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.ProbeResult;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.core.media.Rendition.Fit;
import dev.reelforge.media.ClipAnalysis;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.FfprobeClipProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    void render_anySourceShape_writesEveryRenditionAtItsExactSize(String sourceSize) throws Exception {
        Path source = graySource(sourceSize);
        MediaPlan plan = new MediaPlan("job-1", "tenant", "src.mp4", "out/", RENDITIONS, true);

        List<RenderedOutput> outputs = renderer.render(plan, source, dir.resolve("out-" + sourceSize));

        assertThat(outputs).extracting(RenderedOutput::name)
                .containsExactly("9x16-crop", "9x16-pad", "16x9-crop", "16x9-pad", "1x1-pad", "thumbnail");
        for (int i = 0; i < RENDITIONS.size(); i++) {
            Rendition rendition = RENDITIONS.get(i);
            ProbeResult written = probe.probe(outputs.get(i).file());
            assertThat(written.width()).isEqualTo(rendition.width());
            assertThat(written.height()).isEqualTo(rendition.height());
            assertThat(written.videoCodec()).isEqualTo("h264");
            assertThat(written.audioCodec()).isEqualTo("aac");
            assertThat(outputs.get(i).sha256()).isEqualTo(MediaPlanRenderer.sha256(outputs.get(i).file())).hasSize(64);
        }
    }

    @Test
    void render_landscapeSourceIntoPortrait_padAddsBlackBarsAndCropDoesNot() {
        Path source = graySource("640x360");

        Map<String, RenderedOutput> outputs = renderer.render(source, RENDITIONS.subList(0, 2), false, dir.resolve("bars"))
                .stream().collect(Collectors.toMap(RenderedOutput::name, Function.identity()));

        int[] padded = analysis.grayFrames(outputs.get("9x16-pad").file(), 270, 480).get(0);
        int[] cropped = analysis.grayFrames(outputs.get("9x16-crop").file(), 270, 480).get(0);
        assertThat(rowMean(padded, 5)).isLessThan(24);
        assertThat(rowMean(padded, 240)).isGreaterThan(100);
        assertThat(rowMean(cropped, 5)).isGreaterThan(100);
    }

    @Test
    void render_thumbnail_isAJpegOfTheSourceSize() throws Exception {
        Path source = graySource("640x360");

        RenderedOutput thumbnail = renderer.render(source, List.of(), true, dir.resolve("thumb")).get(0);

        byte[] bytes = Files.readAllBytes(thumbnail.file());
        assertThat(thumbnail.file()).hasFileName("thumbnail.jpg");
        assertThat(bytes[0] & 0xff).isEqualTo(0xFF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xD8);
        assertThat(probe.probe(thumbnail.file()).videoCodec()).isEqualTo("mjpeg");
        assertThat(thumbnail.width()).isEqualTo(640);
        assertThat(thumbnail.height()).isEqualTo(360);
    }

    @Test
    void render_oddRenditionSize_isRejectedBeforeEncoding() {
        assertThatThrownBy(() -> renderer.render(dir.resolve("none.mp4"), List.of(new Rendition("odd", 271, 480, Fit.PAD)), false, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even");
    }

    @Test
    void render_unsafeRenditionName_isRejected() {
        assertThatThrownBy(() -> renderer.render(dir.resolve("none.mp4"), List.of(new Rendition("../x", 270, 480, Fit.PAD)), false, dir))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encoder_always_hasNameAndReason() {
        assertThat(renderer.encoder().name()).isNotBlank();
        assertThat(renderer.encoder().reason()).isNotBlank();
    }

    private static Path graySource(String size) {
        Path source = dir.resolve("gray-" + size + ".mp4");
        if (!Files.exists(source)) {
            ffmpeg.run("making a source", List.of("-v", "error", "-f", "lavfi", "-i", "color=c=0x909090:s=" + size + ":r=24:d=1",
                    "-f", "lavfi", "-i", "sine=r=48000:d=1", "-c:v", "libopenh264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-shortest", source.toString()), Duration.ofSeconds(30));
        }
        return source;
    }

    private static double rowMean(int[] frame, int row) {
        double sum = 0;
        for (int x = 0; x < 270; x++) {
            sum += frame[row * 270 + x];
        }
        return sum / 270;
    }
}
