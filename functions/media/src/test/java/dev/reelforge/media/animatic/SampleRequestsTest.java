package dev.reelforge.media.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.media.ClipMetrics;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.Check;
import dev.reelforge.core.review.checks.ClipChecks;
import dev.reelforge.core.review.checks.ReviewProfiles;
import dev.reelforge.core.review.checks.ShotStructure;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample requests in {@code events/requests/}, each rendered by the animatic and reviewed as ReviewScore does:
 * every check passes on the first render; the three-shot sequence cuts exactly at its shot boundaries (±1 frame).
 */
class SampleRequestsTest {
    private static final Path REQUESTS = Path.of("../../events/requests");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ffmpeg FFMPEG = Ffmpeg.bundled();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ball-bounce-16x9",
                "three-shot-bottle",
                "product-box-orbit",
                "inline-ball-drop",
                "kitchen-spill-handheld"
            })
    void sample_rendersAndPassesEveryCheck(String name) throws Exception {
        RenderRequest request = request(name);

        List<Check> checks = ClipChecks.evaluate(
                render(request),
                request.settings(),
                request.storyboard(),
                ReviewProfiles.bundled(JSON).forProvider("animatic"));

        assertThat(checks)
                .allSatisfy(c -> assertThat(c.passed())
                        .as("%s: %s", c.name(), c.detail())
                        .isTrue());
    }

    @Test
    void threeShotSequence_cutsAtItsTwoShotBoundariesAndNowhereElse() throws Exception {
        RenderRequest request = request("three-shot-bottle");
        int fps = request.settings().fps();

        List<Integer> cuts = ShotStructure.of(render(request)).cuts();

        assertThat(cuts).hasSize(2);
        assertThat(Math.abs(cuts.get(0) - 3 * fps))
                .as("cut frame %d against 00:03", cuts.get(0))
                .isLessThanOrEqualTo(1);
        assertThat(Math.abs(cuts.get(1) - 6 * fps))
                .as("cut frame %d against 00:06", cuts.get(1))
                .isLessThanOrEqualTo(1);
    }

    private RenderRequest request(String name) throws Exception {
        return new RequestParser(JSON).parse(Files.readString(REQUESTS.resolve(name + ".json")));
    }

    private ClipMetrics render(RenderRequest request) {
        Path clip = dir.resolve(request.clientRequestId() + ".mp4");
        new AnimaticRenderer(FFMPEG)
                .render(
                        new GenerationSpec(
                                request.prompt(),
                                request.storyboard(),
                                request.settings(),
                                "animatic",
                                1,
                                List.of(),
                                "",
                                ""),
                        clip,
                        p -> {});
        return new FfmpegClipAnalyzer(FFMPEG).analyze(clip);
    }
}
