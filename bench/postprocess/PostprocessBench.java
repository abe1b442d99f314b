import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.media.render.RenderedPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reelforge's post-processing of one clip into two 1080 renditions (grade, watermark, denoise, two-pass loudness)
 * plus poster.jpg and thumbnail.jpg, as the workflow's media plans ask; prints the wall seconds of
 * MediaPlanRenderer.render (encoder probe excluded: once per process) and then the exact filter graph, so the script
 * can run the same graph, with the same outputs, as a plain ffmpeg command line.
 */
public class PostprocessBench {
    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        Path out = Path.of(args[1]);
        MediaPlanRenderer renderer = new MediaPlanRenderer(Ffmpeg.bundled());
        MediaPlan plan = new MediaPlan("bench", "bench", "clip.mp4", "out/", List.of(
                new Rendition("9x16-1080", 1080, 1920, Rendition.Fit.CROP),
                new Rendition("1x1-1080", 1080, 1080, Rendition.Fit.CROP)), true);
        long start = System.nanoTime();
        RenderedPlan rendered = renderer.render(plan, List.of(clip), null, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(seconds);
        System.out.println(rendered.filterGraph());
        System.err.println("encoder: " + renderer.encoder().name() + "; decode: " + rendered.decoder());
        Files.writeString(out.resolve("ffmpeg-path.txt"), Ffmpeg.bundled().ffmpegPath().toString());
    }
}
