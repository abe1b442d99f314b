import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.credentials.PlanCredentials;
import dev.reelforge.media.provenance.LocalKeyProvenanceSigner;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.media.render.RenderedPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Reelforge's post-processing of one clip into two 1080 renditions (grade, watermark, denoise, two-pass loudness)
 * plus poster.jpg and thumbnail.jpg, as the workflow's media plans ask, each then given its signed Content Credentials
 * (C2PA, ES256, the original as parent) as the media task does; prints the wall seconds of MediaPlanRenderer.render
 * plus PlanCredentials.embed (encoder probe, C2PA library load and key/CA generation excluded: once per process or
 * data directory) and then the exact filter graph, so the script can run the same graph, with the same outputs, as a
 * plain ffmpeg command line.
 */
public class PostprocessBench {
    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        Path out = Path.of(args[1]);
        MediaPlanRenderer renderer = new MediaPlanRenderer(Ffmpeg.bundled());
        MediaPlan plan = new MediaPlan("bench", "bench", "clip.mp4", "out/", List.of(
                new Rendition("9x16-1080", 1080, 1920, Rendition.Fit.CROP),
                new Rendition("1x1-1080", 1080, 1080, Rendition.Fit.CROP)), true, List.of(), MediaPlan.DEFAULT_CROSSFADE_SECONDS,
                null, null, null, new MediaPlan.Origin("bench", "bench-model", "bench-1", "ab".repeat(32)));
        Path keys = out.resolveSibling(out.getFileName() + "-keys");
        LocalKeyProvenanceSigner signer = LocalKeyProvenanceSigner.loadOrCreate(keys);
        PlanCredentials credentials = new PlanCredentials(C2paContentCredentials.local(keys, signer, Clock.systemUTC()), "bench");
        long start = System.nanoTime();
        RenderedPlan rendered = renderer.render(plan, List.of(clip), null, out);
        long rendering = System.nanoTime();
        credentials.embed(plan, rendered, List.of(clip), renderer.encoder().name(), out.resolve("marked"));
        long end = System.nanoTime();
        System.out.println((end - start) / 1e9);
        System.out.println(rendered.filterGraph());
        System.err.printf("encoder: %s; decode: %s; Content Credentials %.2f s of %.2f s%n", renderer.encoder().name(),
                rendered.decoder(), (end - rendering) / 1e9, (end - start) / 1e9);
        Files.writeString(out.resolve("ffmpeg-path.txt"), Ffmpeg.bundled().ffmpegPath().toString());
    }
}
