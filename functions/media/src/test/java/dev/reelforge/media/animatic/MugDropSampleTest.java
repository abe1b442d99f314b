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
import dev.reelforge.core.review.checks.ReviewThresholds;
import dev.reelforge.core.review.checks.ShotStructure;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.analysis.FfmpegClipAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's sample request, rendered by the animatic and reviewed as ReviewScore does: one locked-off shot of
 * one world (no cut, palette and light steady), the impact's visual event within one frame of its 00:03.2 cue, and
 * every check passing. The same render made wrong the two ways the old animatic was (a new palette at every beat of
 * the one shot; the subject out of the frame) fails continuity and framing.
 */
class MugDropSampleTest {
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ffmpeg FFMPEG = Ffmpeg.bundled();

    @TempDir
    static Path dir;

    private static RenderRequest request;
    private static ReviewThresholds limits;
    private static Path clip;

    @BeforeAll
    static void render() throws Exception {
        request = new RequestParser(JSON).parse(Files.readString(MUG_DROP));
        limits = ReviewProfiles.bundled(JSON).forProvider("animatic");
        GenerationSpec spec = new GenerationSpec(
                request.prompt(), request.storyboard(), request.settings(), "animatic", 1, List.of(), "", "");
        clip = dir.resolve("mug-drop.mp4");
        new AnimaticRenderer(FFMPEG).render(spec, clip, p -> {});
    }

    @Test
    void mugDrop_rendersOneShotOfOneWorldWhoseImpactLandsOnItsCueAndPassesReview() {
        ClipMetrics metrics = new FfmpegClipAnalyzer(FFMPEG).analyze(clip);
        List<Check> checks = review(metrics);

        assertThat(ShotStructure.of(metrics).cuts()).as("one locked-off shot").isEmpty();
        assertThat(checks)
                .allSatisfy(c -> assertThat(c.passed())
                        .as("%s: %s", c.name(), c.detail())
                        .isTrue());
        Check avSync = named(checks, "av-sync");
        assertThat(avSync.detail()).as("the impact was paired with its sound").contains("onset/motion pairs");
        assertThat(avSync.value())
                .as("ms between the impact's sound and its visual event")
                .isLessThanOrEqualTo(1000.0 / request.settings().fps());
    }

    @Test
    void mugDrop_withANewPaletteAtEveryBeatOfItsOneShot_failsContinuity() {
        Path repainted = filtered("repainted", "hue=h=60:enable='gte(t,2)',hue=h=70:enable='gte(t,4)'");

        Check continuity = named(review(new FfmpegClipAnalyzer(FFMPEG).analyze(repainted)), "continuity");

        assertThat(continuity.passed()).as(continuity.detail()).isFalse();
    }

    @Test
    void mugDrop_withItsSubjectPushedOutOfTheFrame_failsFraming() {
        int w = request.settings().frameSize().width();
        int h = request.settings().frameSize().height();
        Path emptied = filtered(
                "emptied",
                String.format(
                        "split[bg][fg];[bg]scale=%d:%d,avgblur=sizeX=8:sizeY=8,scale=%d:%d[flat];"
                                + "[flat][fg]overlay=x=0:y='-%d*min(1,t/1.5)':eval=frame",
                        w / 16, h / 16, w, h, h));

        Check framing = named(review(new FfmpegClipAnalyzer(FFMPEG).analyze(emptied)), "framing");

        assertThat(framing.passed()).as(framing.detail()).isFalse();
    }

    private static List<Check> review(ClipMetrics metrics) {
        return ClipChecks.evaluate(metrics, request.settings(), request.storyboard(), limits);
    }

    private static Path filtered(String name, String videoFilter) {
        Path out = dir.resolve(name + ".mp4");
        FFMPEG.run(
                "re-encoding the mug drop " + name,
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        clip.toString(),
                        "-vf",
                        videoFilter,
                        "-c:v",
                        "libopenh264",
                        "-b:v",
                        "4M",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "copy",
                        out.toString()),
                Duration.ofMinutes(2));
        return out;
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
