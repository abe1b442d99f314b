package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.RecutOp;
import dev.reelforge.core.edit.RecutPlan;
import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.ClipRecutter;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.Mp4Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Recut state: reads the original's clip only after its checksum matches, and stores the re-cut as attempt 1. */
class RecutStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final List<RecutPlan> cuts = new ArrayList<>();

    /** Writes the source's bytes with the plan's length appended, so the re-cut differs from the original. */
    private final ClipRecutter recutter = (source, plan, fps, target) -> {
        cuts.add(plan);
        try {
            Files.write(target, Mp4Bytes.clip(plan.outputSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private EditPlan plan(String sourceSha) {
        RecutPlan cut = RecutPlan.of(List.of(RecutOp.expand("e", "00:02-00:03=00:02-00:05")), 6, 10);
        return new EditPlan(
                EditPlan.Kind.RECUT,
                "mug-1",
                "recut: retime 2.000-3.000=3.0000",
                "clips/demo/mug-1/1/1.mp4",
                sourceSha,
                cut.segments(),
                cut.outputSeconds());
    }

    private JobTicket ticket() {
        return new JobTicket(
                "mug-1-v2",
                "demo",
                "mug-drop-001",
                "k",
                false,
                "",
                "",
                "animatic",
                "animatic-1",
                false,
                true,
                0,
                0,
                List.of());
    }

    @Test
    void run_storesTheReCutAsTheNewJobsFirstOriginal_andLeavesTheSourceAsItWas() throws IOException {
        DirectoryClipStore clips = new DirectoryClipStore(dir.resolve("bucket"));
        byte[] original = Mp4Bytes.clip(6);
        clips.putBytes("clips/demo/mug-1/1/1.mp4", original, "video/mp4");
        jobs.create(JobRecord.received("mug-1-v2", "demo", "mug-drop-001", clock.instant()));
        RenderRequest request = new RequestParser(JSON).parse(JSON.readTree(MUG_DROP.toFile()));

        RenderRound round = new RecutStep(clips, jobs, recutter, dir.resolve("work"), clock)
                .run(request, ticket(), plan(Sha256.hex(original)));

        assertThat(round.mode()).isEqualTo(RoundMode.RECUT);
        assertThat(round.status()).isEqualTo(RenderRound.Status.COMPLETED);
        assertThat(round.clipSeconds()).isEqualTo(8.0);
        assertThat(round.tasks()).singleElement().satisfies(task -> {
            assertThat(task.clipKey()).isEqualTo("clips/demo/mug-1-v2/1/0.mp4");
            assertThat(task.sha256()).isEqualTo(Sha256.hex(Mp4Bytes.clip(8)));
            assertThat(task.providerJobId()).isEqualTo("recut-mug-1-v2");
        });
        assertThat(cuts).singleElement().extracting(RecutPlan::outputSeconds).isEqualTo(8.0);
        assertThat(clips.getBytes("clips/demo/mug-1/1/1.mp4")).contains(original);
        assertThat(jobs.find("mug-1-v2").orElseThrow().detail().attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.mode()).isEqualTo(RoundMode.RECUT));
    }

    @Test
    void run_sourceWhoseChecksumChanged_isNotReCut() {
        DirectoryClipStore clips = new DirectoryClipStore(dir.resolve("bucket"));
        clips.putBytes("clips/demo/mug-1/1/1.mp4", Mp4Bytes.clip(6), "video/mp4");
        jobs.create(JobRecord.received("mug-1-v2", "demo", "mug-drop-001", clock.instant()));

        assertThatThrownBy(() -> new RecutStep(clips, jobs, recutter, dir.resolve("work"), clock)
                        .run(null, ticket(), plan("0000")))
                .isInstanceOf(MediaProcessingException.class)
                .hasMessageContaining("no longer matches the checksum");
        assertThat(cuts).isEmpty();
    }
}
