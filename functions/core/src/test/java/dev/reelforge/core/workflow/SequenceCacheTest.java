package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.cache.CacheKey;
import dev.reelforge.core.job.AttemptDetail;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.ReusedShot;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.review.RoundMode;
import dev.reelforge.core.review.Verdict;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The prompt cache's decisions for a sequence: Validate answers a repeated sequence whole and a shot whose own
 * inputs are unchanged alone; Finalize files only what passed review, per tenant.
 */
class SequenceCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOT_1 = "00:00–00:05: Wide shot: the kettle sits.";
    private static final String SHOT_2 = "00:05–00:10: Close-up: steam rises.";
    private static final String SHOT_3 = "00:10–00:15: Cut to a hand lifting it.";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final RequestParser parser = new RequestParser(JSON);
    private final CapabilityCatalog catalog = pricedAnimatic();
    private final ValidateStep validate = new ValidateStep(
            parser, new RequestValidator(ContentPolicy.load(JSON), catalog, Set.of("animatic")), jobs, cache, clock);

    /** The bundled data with a price on the animatic, so that what a reused shot is not charged shows. */
    private static CapabilityCatalog pricedAnimatic() {
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            JsonNode root = JSON.readTree(in);
            root.path("models").forEach(m -> {
                if (m.path("provider").asText().equals("animatic")) {
                    ((ObjectNode) m).put("pricePerSecondUsd", 0.2);
                }
            });
            return CapabilityCatalog.parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RenderRequest sequence(String tenant, String... shots) throws IOException {
        return parser.parse("{\"tenant\": \"" + tenant + "\", \"clientRequestId\": \"kettle\", \"prompt\": \"A red"
                + " kettle on a stove.\\n" + String.join("\\n", shots) + "\", \"settings\": {\"durationSeconds\": 15,"
                + " \"aspectRatio\": \"16:9\", \"resolution\": \"360p\"}, \"maxAttempts\": 2}");
    }

    /** Validates, then records every shot as accepted with {@code verdicts} and files it as Finalize does. */
    private ValidateStep.Validation renderAndFile(RenderRequest request, String jobId, Verdict... verdicts) {
        ValidateStep.Validation validated = validate.validate(request, jobId);
        List<String> clips = new ArrayList<>();
        for (ShotItem shot : validated.shots()) {
            String clip = shot.reused()
                    ? shot.review().bestClipKey()
                    : "clips/" + request.tenant() + "/" + jobId + "/"
                            + shot.job().shot().firstAttempt() + "/0.mp4";
            clips.add(clip);
            if (!shot.reused()) {
                AttemptDetail attempt = AttemptDetail.reviewed(
                                shot.job().shot().firstAttempt(),
                                verdicts[shot.index() - 1],
                                "",
                                clip,
                                List.of(),
                                List.of())
                        .ofShot(shot.index());
                jobs.update(jobId, r -> r.withDetail(r.detail().withAttempt(attempt)));
            }
        }
        boolean allPassed = List.of(verdicts).stream().allMatch(v -> v == Verdict.PASS);
        ReviewOutcome review = new ReviewOutcome(
                allPassed ? Verdict.PASS : Verdict.GIVE_UP_ACCEPT,
                "",
                clips.get(0),
                "",
                List.of(),
                RoundMode.NONE,
                "",
                "",
                "",
                clips);
        JobRecord record = jobs.find(jobId).orElseThrow();
        new SequenceCache(cache).file(validated.job(), record, review, clock.instant());
        return validated;
    }

    @Test
    void validate_sameSequenceFiledBefore_isAWholeHitThatRendersNoShot() throws IOException {
        ValidateStep.Validation first = renderAndFile(
                sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-1", Verdict.PASS, Verdict.PASS, Verdict.PASS);

        ValidateStep.Validation again = validate.validate(sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-2");

        assertThat(first.job().cacheHit()).isFalse();
        assertThat(again.job().cacheHit()).isTrue();
        assertThat(again.job().cachedJobId()).isEqualTo("j-1");
        assertThat(again.job().cachedShotClipKeys())
                .containsExactly("clips/demo/j-1/1/0.mp4", "clips/demo/j-1/3/0.mp4", "clips/demo/j-1/5/0.mp4");
        assertThat(again.shots())
                .as("no Shots Map: CacheHit? goes to post-processing")
                .isEmpty();
        assertThat(again.job().estimatedCostUsd()).isZero();
    }

    @Test
    void validate_lastShotChanged_reusesTheUnchangedShotsUnchargedAndChainsFromTheCachedFrame() throws IOException {
        ValidateStep.Validation first = renderAndFile(
                sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-1", Verdict.PASS, Verdict.PASS, Verdict.PASS);

        ValidateStep.Validation changed =
                validate.validate(sequence("demo", SHOT_1, SHOT_2, "00:10–00:15: Cut to a cup of tea."), "j-2");

        assertThat(changed.job().cacheHit()).isFalse();
        assertThat(changed.shots()).extracting(ShotItem::reused).containsExactly(true, true, false);
        assertThat(changed.shots().get(0).review().bestClipKey()).isEqualTo("clips/demo/j-1/1/0.mp4");
        assertThat(changed.shots().get(2).job().shot().previousFrameKey("demo", "j-2"))
                .as("chained from the cached shot 2's last frame")
                .isEqualTo(StorageKeys.shotLastFrame("demo", "j-1", 2));
        assertThat(changed.job().estimatedCostUsd())
                .as("only the shot that renders is estimated: 5 s at $0.20")
                .isEqualTo(1.0, offset(1e-9));
        assertThat(first.job().estimatedCostUsd()).isEqualTo(3.0, offset(1e-9));
        assertThat(jobs.find("j-2").orElseThrow().detail().cachedShots())
                .extracting(ReusedShot::shot, ReusedShot::fromJob, ReusedShot::fromShot)
                .containsExactly(tuple(1, "j-1", 1), tuple(2, "j-1", 2));
    }

    @Test
    void validate_middleShotChangedInAChainedSequence_rendersItAndEveryShotChainedAfterIt() throws IOException {
        renderAndFile(sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-1", Verdict.PASS, Verdict.PASS, Verdict.PASS);

        ValidateStep.Validation changed =
                validate.validate(sequence("demo", SHOT_1, "00:05–00:10: Close-up: the lid rattles.", SHOT_3), "j-2");

        assertThat(changed.shots()).extracting(ShotItem::reused).containsExactly(true, false, false);
    }

    @Test
    void file_shotAcceptedAfterGivingUp_isNotFiledAndNorIsTheSequence() throws IOException {
        renderAndFile(
                sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-1", Verdict.PASS, Verdict.GIVE_UP_ACCEPT, Verdict.PASS);

        ValidateStep.Validation again = validate.validate(sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-2");

        assertThat(again.job().cacheHit()).isFalse();
        assertThat(again.shots())
                .as("shot 3 passed but is chained after shot 2, which renders again")
                .extracting(ShotItem::reused)
                .containsExactly(true, false, false);
    }

    @Test
    void validate_otherTenant_neverReceivesTheSequenceOrItsShots() throws IOException {
        renderAndFile(sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-1", Verdict.PASS, Verdict.PASS, Verdict.PASS);

        ValidateStep.Validation other = validate.validate(sequence("other", SHOT_1, SHOT_2, SHOT_3), "j-2");

        assertThat(other.job().cacheHit()).isFalse();
        assertThat(other.shots()).extracting(ShotItem::reused).containsOnly(false);
    }

    @Test
    void validate_sequenceKey_differsFromTheSameRequestsOneClipKey() throws IOException {
        ValidateStep.Validation validated = validate.validate(sequence("demo", SHOT_1, SHOT_2, SHOT_3), "j-1");

        ModelCapabilities animatic = catalog.models().stream()
                .filter(m -> m.provider().equals("animatic"))
                .findFirst()
                .orElseThrow();
        RenderRequest request = sequence("demo", SHOT_1, SHOT_2, SHOT_3);

        assertThat(validated.job().cacheKey())
                .isEqualTo(CacheKey.sequence(request, animatic, ""))
                .isNotEqualTo(CacheKey.of(request, animatic, ""));
        assertThat(validated.job().shotCacheKeys()).hasSize(3).doesNotHaveDuplicates();
    }
}
