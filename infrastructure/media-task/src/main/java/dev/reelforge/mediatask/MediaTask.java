package dev.reelforge.mediatask;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.media.render.RenderedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media container's job: fetch the {@link MediaPlan} and the provider original from the clip store, render
 * the deliverables, upload them under the plan's output prefix, and write a {@link MediaResult} document. The
 * exit code is what {@code ecs:runTask.sync} reports and the state machine checks; the original is never modified.
 */
public final class MediaTask {
    static final String PLAN_KEY = "MEDIA_PLAN_KEY";
    static final String RESULT_KEY = "MEDIA_RESULT_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(MediaTask.class);

    private final ClipStore clips;
    private final MediaPlanRenderer renderer;
    private final ObjectMapper json;
    private final Path workDir;

    public MediaTask(ClipStore clips, MediaPlanRenderer renderer, ObjectMapper json, Path workDir) {
        this.clips = clips;
        this.renderer = renderer;
        this.json = json;
        this.workDir = workDir;
    }

    public static MediaTask create(ClipStore clips, ObjectMapper json, Path workDir) {
        return new MediaTask(clips, new MediaPlanRenderer(Ffmpeg.bundled()), json, workDir);
    }

    /** Runs the plan named by {@code MEDIA_PLAN_KEY}; returns 0 on success, 2 for a bad invocation, 1 otherwise. */
    public int run(Map<String, String> environment) {
        String planKey = environment.get(PLAN_KEY);
        String resultKey = environment.get(RESULT_KEY);
        if (planKey == null || resultKey == null) {
            LOG.error("{} and {} must both be set", PLAN_KEY, RESULT_KEY);
            return 2;
        }
        try {
            MediaResult result = execute(planKey);
            clips.putBytes(resultKey, json.writeValueAsBytes(result), "application/json");
            return 0;
        } catch (MediaProcessingException | IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.error("media plan {} failed: {}", planKey, e.getMessage());
            return 1;
        }
    }

    MediaResult execute(String planKey) throws IOException {
        byte[] planBytes = clips.getBytes(planKey).orElseThrow(() -> new MediaProcessingException("no media plan at " + planKey));
        MediaPlan plan = json.readValue(planBytes, MediaPlan.class);
        Files.createDirectories(workDir);
        Path scratch = Files.createTempDirectory(workDir, "media-");
        try {
            Path source = scratch.resolve("source.mp4");
            clips.download(plan.sourceKey(), source);
            List<MediaResult.Output> outputs = new ArrayList<>();
            for (RenderedOutput output : renderer.render(plan, source, scratch.resolve("out"))) {
                String fileName = output.file().getFileName().toString();
                String key = plan.outputPrefix() + fileName;
                clips.putFile(key, output.file(), fileName.endsWith(".jpg") ? "image/jpeg" : "video/mp4");
                outputs.add(new MediaResult.Output(output.name(), key, output.width(), output.height(), output.sha256()));
            }
            return new MediaResult(plan.jobId(), outputs, renderer.encoder().name(), renderer.encoder().reason());
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
