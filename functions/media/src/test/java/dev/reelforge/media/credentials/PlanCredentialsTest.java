package dev.reelforge.media.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.CredentialsManifest.Action;
import dev.reelforge.core.media.CredentialsReport;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.media.render.RenderedOutput;
import dev.reelforge.media.render.RenderedPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void embed_stitchedShotPlan_marksEveryOutputWithEachShotAsComponentAndTheCrossfades() {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        List<Path> beats = List.of(dir.resolve("beat-1.mp4"), dir.resolve("beat-2.mp4"));
        for (Path beat : beats) {
            ffmpeg.run(
                    "making a beat clip",
                    List.of(
                            "-v",
                            "error",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=s=320x180:r=24:d=1.5",
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=r=48000:d=1.5",
                            "-c:v",
                            "libopenh264",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-shortest",
                            beat.toString()),
                    Duration.ofSeconds(30));
        }
        MediaPlan plan = new MediaPlan(
                "job-1",
                "demo",
                "clips/demo/job-1/1/beat-1.mp4",
                "outputs/demo/job-1/",
                List.of(new Rendition("1x1", 180, 180, Rendition.Fit.CROP)),
                true,
                List.of("clips/demo/job-1/1/beat-1.mp4", "clips/demo/job-1/1/beat-2.mp4"),
                0.5,
                null,
                null,
                null,
                new MediaPlan.Origin("bedrock-async", "luma.ray-v2:0", "arn:job/1", "ab".repeat(32)));
        MediaPlanRenderer renderer = new MediaPlanRenderer(ffmpeg);
        RenderedPlan rendered = renderer.render(plan, beats, null, dir.resolve("out"));
        LocalKeyProvenanceSigner signer = LocalKeyProvenanceSigner.loadOrCreate(dir.resolve("keys"));
        C2paContentCredentials credentials =
                C2paContentCredentials.local(dir.resolve("keys"), signer, Clock.systemUTC());

        List<RenderedOutput> marked = new PlanCredentials(credentials, "0.1.0-test")
                .embed(plan, rendered, beats, renderer.encoder().name(), dir.resolve("marked"));

        assertThat(marked)
                .extracting(RenderedOutput::name)
                .containsExactly("1x1", MediaPlanRenderer.POSTER, MediaPlanRenderer.THUMBNAIL);
        for (RenderedOutput output : marked) {
            assertThat(output.file().getParent()).isEqualTo(dir.resolve("marked"));
            assertThat(output.sha256()).isEqualTo(MediaPlanRenderer.sha256(output.file()));
            CredentialsReport report =
                    credentials.read(output.file(), output.name().equals("1x1") ? "video/mp4" : "image/jpeg");
            assertThat(report.trusted())
                    .as(output.name() + ": " + report.failures())
                    .isTrue();
            assertThat(report.ingredients())
                    .containsExactly(
                            new CredentialsReport.Ingredient("beat-1.mp4", "componentOf", false),
                            new CredentialsReport.Ingredient("beat-2.mp4", "componentOf", false));
            assertThat(report.actions().get(1).action()).isEqualTo(Action.EDITED);
        }
    }
}
