package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.GuideFile;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.core.reference.GuideImage;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.Stills;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submit hands the adapter the fitted copy as a local file; a remix edits a video and takes none. */
class SubmitStepReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAST = "references/acme/fitted/" + "b".repeat(64) + "-crop-720x1280.png";
    private static final String ASSET = "references/acme/sha256/" + "c".repeat(64) + ".png";
    private static final String FITTED = "references/acme/fitted/" + "a".repeat(64) + "-crop-720x1280.png";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final List<GenerationSpec> specs = new ArrayList<>();

    private SubmitStep submit(DirectoryClipStore store) {
        VideoProvider provider = new VideoProvider() {
            @Override
            public String name() {
                return "keyed";
            }

            @Override
            public ProviderJob submit(GenerationSpec spec, String key) {
                specs.add(spec);
                return new ProviderJob("job-" + key, ProviderJob.State.QUEUED, 0, 5, "");
            }

            @Override
            public ProviderJob poll(String id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void download(String id, Path target) {
                throw new UnsupportedOperationException();
            }
        };
        InMemoryJobStore jobs = new InMemoryJobStore();
        jobs.create(JobRecord.received("j-1", "acme", "j-1", clock.instant()));
        return new SubmitStep(
                name -> provider, jobs, JSON, clock, DailyBudget.unlimited(), () -> store, dir.resolve("work"));
    }

    private static JobTicket ticket() {
        ReferenceImage ref = new ReferenceImage(
                "references/acme/mug.png", "a".repeat(64), "references/acme/sha256/x.png", FITTED, "image/png", "crop");
        return new JobTicket(
                "j-1", "acme", "j-1", "", false, "", "", "keyed", "m", true, true, 0.5, 1.0, List.of(), ref);
    }

    private static dev.reelforge.core.request.RenderRequest request() {
        return new RequestParser(JSON)
                .parse(JSON.createObjectNode()
                        .put("tenant", "acme")
                        .put("clientRequestId", "j-1")
                        .put("prompt", "A heavy iron kettle on a table, tripod shot.")
                        .put("referenceImage", "references/acme/mug.png"));
    }

    @Test
    void run_ticketWithAReference_givesTheAdapterTheFittedCopy() throws Exception {
        DirectoryClipStore store = new DirectoryClipStore(dir.resolve("store"));
        byte[] png = Stills.png(720, 1280, 0);
        store.putBytes(FITTED, png, "image/png");

        submit(store).run(request(), ticket(), RenderRound.notStarted(), ReviewOutcome.notReviewed());

        assertThat(specs).hasSize(1);
        assertThat(Files.readAllBytes(Path.of(specs.get(0).referenceImage()))).isEqualTo(png);
    }

    @Test
    void run_remix_sendsNoReference() {
        DirectoryClipStore store = new DirectoryClipStore(dir.resolve("store"));
        store.putBytes(FITTED, Stills.png(720, 1280, 0), "image/png");
        ReviewOutcome remix = new ReviewOutcome(
                dev.reelforge.core.review.Verdict.REMIX,
                "blur",
                "clips/acme/j-1/1/0.mp4",
                "job-j-1/1/0",
                List.of(),
                RoundMode.REMIX,
                "prompt",
                "keep the mug white",
                "");

        submit(store).run(request(), ticket(), RenderRound.notStarted(), remix);

        assertThat(specs.get(0).remixOf()).isEqualTo("job-j-1/1/0");
        assertThat(specs.get(0).referenceImage()).isEmpty();
    }

    private static JobTicket ticketWithGuides() {
        ReferenceImage last = new ReferenceImage(
                "references/acme/last.png", "b".repeat(64), "references/acme/sha256/b.png", LAST, "image/png", "crop");
        ReferenceImage asset =
                new ReferenceImage("references/acme/cup.png", "c".repeat(64), ASSET, ASSET, "image/png", "none");
        return ticket().withGuides(List.of(
                new GuideImage(GuideImage.Role.LAST_FRAME, last), new GuideImage(GuideImage.Role.ASSET, asset)));
    }

    @Test
    void run_ticketWithALastFrameAndAnAsset_givesTheAdapterEachStoredCopyWithItsRole() throws Exception {
        DirectoryClipStore store = new DirectoryClipStore(dir.resolve("store"));
        byte[] lastPng = Stills.png(720, 1280, 1);
        byte[] assetPng = Stills.png(640, 640, 2);
        store.putBytes(FITTED, Stills.png(720, 1280, 0), "image/png");
        store.putBytes(LAST, lastPng, "image/png");
        store.putBytes(ASSET, assetPng, "image/png");

        submit(store).run(request(), ticketWithGuides(), RenderRound.notStarted(), ReviewOutcome.notReviewed());

        List<GuideFile> guides = specs.get(0).guides();
        assertThat(guides)
                .extracting(GuideFile::role)
                .containsExactly(GuideImage.Role.LAST_FRAME, GuideImage.Role.ASSET);
        assertThat(Files.readAllBytes(Path.of(guides.get(0).path()))).isEqualTo(lastPng);
        assertThat(Files.readAllBytes(Path.of(guides.get(1).path()))).isEqualTo(assetPng);
    }

    @Test
    void ticketWithGuides_roundTripsThroughJsonAndATicketWithoutKeepsItsShape() throws Exception {
        JobTicket ticket = ticketWithGuides();

        assertThat(JSON.readValue(JSON.writeValueAsString(ticket), JobTicket.class))
                .isEqualTo(ticket);
        assertThat(JSON.readTree(JSON.writeValueAsString(ticket())).has("guides"))
                .isFalse();
        assertThat(JSON.readTree(JSON.writeValueAsString(ticket))
                        .path("guides")
                        .path(0)
                        .path("role")
                        .asText())
                .isEqualTo("last-frame");
    }

    @Test
    void ticket_roundTripsThroughJson() throws Exception {
        JobTicket ticket = ticket();

        assertThat(JSON.readValue(JSON.writeValueAsString(ticket), JobTicket.class))
                .isEqualTo(ticket);
    }
}
