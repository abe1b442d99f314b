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

/**
 * The README's sample request, rendered by the animatic and reviewed as ReviewScore does: one locked-off shot of
 * one world (no cut, palette and light steady), the impact's visual event within one frame of its 00:03.2 cue, and
 * every check passing.
 */
class MugDropSampleTest {
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");

    @TempDir
    Path dir;

    @Test
    void mugDrop_rendersOneShotOfOneWorldWhoseImpactLandsOnItsCueAndPassesReview() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RenderRequest request = new RequestParser(json).parse(Files.readString(MUG_DROP));
        GenerationSpec spec = new GenerationSpec(request.prompt(), request.storyboard(), request.settings(), "animatic", 1,
                List.of(), "", "");
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        Path clip = dir.resolve("mug-drop.mp4");
        new AnimaticRenderer(ffmpeg).render(spec, clip, p -> {});

        ClipMetrics metrics = new FfmpegClipAnalyzer(ffmpeg).analyze(clip);
        List<Check> checks = ClipChecks.evaluate(metrics, request.settings(), request.storyboard(),
                ReviewProfiles.bundled(json).forProvider("animatic"));

        assertThat(ShotStructure.of(metrics).cuts()).as("one locked-off shot").isEmpty();
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).as("%s: %s", c.name(), c.detail()).isTrue());
        Check avSync = checks.stream().filter(c -> c.name().equals("av-sync")).findFirst().orElseThrow();
        assertThat(avSync.detail()).as("the impact was paired with its sound").contains("onset/motion pairs");
        assertThat(avSync.value()).as("ms between the impact's sound and its visual event").isLessThanOrEqualTo(1000.0 / request.settings().fps());
    }
}
