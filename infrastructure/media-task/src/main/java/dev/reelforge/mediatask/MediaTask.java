package dev.reelforge.mediatask;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.core.media.ProvenanceRecord;
import dev.reelforge.core.media.ProvenanceSeal;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.ContentCredentials;
import dev.reelforge.core.port.ProvenanceSigner;
import dev.reelforge.core.sequence.JoinReview;
import dev.reelforge.media.Ffmpeg;
import dev.reelforge.media.credentials.C2paContentCredentials;
import dev.reelforge.media.credentials.PlanCredentials;
import dev.reelforge.media.render.JoinMeasurement;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.media.render.RenderedOutput;
import dev.reelforge.media.render.RenderedPlan;
import dev.reelforge.wiring.MediaTaskConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media container's job: fetch the {@link MediaPlan} and the provider original(s) (and LUT) from the clip store,
 * render the deliverables, embed Content Credentials (a signed C2PA manifest) in every MP4 and JPEG, upload them under
 * the plan's output prefix with a signed provenance record ({@code provenance.json}) that lists the marked files, and
 * write a {@link MediaResult} document. The exit code is what
 * {@code ecs:runTask.sync} reports and the state machine checks; originals are only ever read.
 */
public final class MediaTask {
    static final String PLAN_KEY = MediaTaskConfig.PLAN_KEY;
    static final String RESULT_KEY = MediaTaskConfig.RESULT_KEY;
    static final String PROVENANCE_FILE = "provenance.json";
    private static final Logger LOG = LoggerFactory.getLogger(MediaTask.class);

    private final ClipStore clips;
    private final MediaPlanRenderer renderer;
    private final ObjectMapper json;
    private final Path workDir;
    private final ProvenanceSigner signer;
    private final PlanCredentials credentials;
    private final Clock clock;
    private final JoinMeasurement joinMeasurement;

    public MediaTask(
            ClipStore clips,
            MediaPlanRenderer renderer,
            ObjectMapper json,
            Path workDir,
            ProvenanceSigner signer,
            ContentCredentials credentials,
            Clock clock) {
        this.clips = clips;
        this.renderer = renderer;
        this.json = json;
        this.workDir = workDir;
        this.signer = signer;
        this.credentials = new PlanCredentials(credentials, C2paContentCredentials.reelforgeVersion());
        this.clock = clock;
        this.joinMeasurement = new JoinMeasurement(Ffmpeg.bundled());
    }

    public static MediaTask create(
            ClipStore clips, ObjectMapper json, Path workDir, ProvenanceSigner signer, ContentCredentials credentials) {
        return new MediaTask(
                clips, new MediaPlanRenderer(Ffmpeg.bundled()), json, workDir, signer, credentials, Clock.systemUTC());
    }

    /** Runs the plan named in the container overrides ({@code MEDIA_PLAN_KEY}), as the local runner passes them. */
    public int run(Map<String, String> overrides) {
        return run(overrides.get(PLAN_KEY), overrides.get(RESULT_KEY));
    }

    /** Runs the plan at {@code planKey}; returns 0 on success, 2 for a bad invocation (either key null), 1 otherwise. */
    public int run(String planKey, String resultKey) {
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
        byte[] planBytes =
                clips.getBytes(planKey).orElseThrow(() -> new MediaProcessingException("no media plan at " + planKey));
        MediaPlan plan = json.readValue(planBytes, MediaPlan.class);
        Files.createDirectories(workDir);
        Path scratch = Files.createTempDirectory(workDir, "media-");
        try {
            Instant started = clock.instant();
            List<Path> inputs = new ArrayList<>();
            List<ProvenanceRecord.FileDigest> originals = new ArrayList<>();
            for (int i = 0; i < plan.inputKeys().size(); i++) {
                String key = plan.inputKeys().get(i);
                Path local = scratch.resolve("clip-" + i + ".mp4");
                clips.download(key, local);
                inputs.add(local);
                originals.add(new ProvenanceRecord.FileDigest(
                        plan.inputKeys().size() == 1 ? "original" : "beat-" + (i + 1),
                        key,
                        MediaPlanRenderer.sha256(local)));
            }
            Path lut = null;
            if (plan.grade().hasLut()) {
                lut = scratch.resolve("grade.cube");
                clips.download(plan.grade().lutKey(), lut);
            }
            RenderedPlan rendered = renderer.render(plan, inputs, lut, scratch.resolve("out"));
            List<JoinReview.Result> joins = reviewJoins(plan, inputs, rendered);
            List<RenderedOutput> marked =
                    credentials.embed(plan, rendered, inputs, renderer.encoder().name(), scratch.resolve("marked"));
            List<MediaResult.Output> outputs = new ArrayList<>();
            List<ProvenanceRecord.FileDigest> digests = new ArrayList<>();
            for (RenderedOutput output : marked) {
                String fileName = output.file().getFileName().toString();
                String key = plan.outputPrefix() + fileName;
                clips.putFile(key, output.file(), fileName.endsWith(".jpg") ? "image/jpeg" : "video/mp4");
                outputs.add(
                        new MediaResult.Output(output.name(), key, output.width(), output.height(), output.sha256()));
                digests.add(new ProvenanceRecord.FileDigest(output.name(), key, output.sha256()));
            }
            MediaPlan.Origin origin = plan.origin();
            ProvenanceRecord record = new ProvenanceSeal(json)
                    .sign(
                            new ProvenanceRecord(
                                    ProvenanceRecord.FORMAT,
                                    plan.jobId(),
                                    plan.tenant(),
                                    origin.provider(),
                                    origin.model(),
                                    origin.providerJobId(),
                                    origin.promptSha256(),
                                    originals,
                                    digests,
                                    renderer.encoder().name(),
                                    rendered.decoder(),
                                    rendered.filterGraph(),
                                    started.toString(),
                                    clock.instant().toString(),
                                    null,
                                    origin.versionOf()),
                            signer);
            byte[] recordBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
            String recordKey = plan.outputPrefix() + PROVENANCE_FILE;
            clips.putBytes(recordKey, recordBytes, "application/json");
            outputs.add(new MediaResult.Output("provenance", recordKey, 0, 0, MediaPlanRenderer.sha256(recordBytes)));
            return new MediaResult(
                    plan.jobId(),
                    outputs,
                    renderer.encoder().name(),
                    renderer.encoder().reason(),
                    rendered.decoder(),
                    recordKey,
                    rendered.loudness(),
                    joins);
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * A stitched sequence reviewed once more at its joins, on the first rendition: each join a crossfade at its
     * boundary within a frame, with continuity across it. A join that fails fails the render, naming its index.
     */
    private List<JoinReview.Result> reviewJoins(MediaPlan plan, List<Path> inputs, RenderedPlan rendered) {
        if (inputs.size() < 2) {
            return List.of();
        }
        List<JoinReview.Result> joins =
                joinMeasurement.review(rendered.outputs().get(0).file(), inputs, plan.crossfadeSeconds());
        if (joins.isEmpty()) {
            LOG.warn(
                    "job {}: the first rendition is framed otherwise than the shots; joins not reviewed", plan.jobId());
        }
        List<String> failed = joins.stream()
                .filter(j -> !j.passed())
                .map(JoinReview.Result::detail)
                .toList();
        if (!failed.isEmpty()) {
            throw new MediaProcessingException(
                    "the stitched clip failed its review at the joins: " + String.join("; ", failed));
        }
        joins.forEach(j -> LOG.info("job {}: {}", plan.jobId(), j.detail()));
        return joins;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
