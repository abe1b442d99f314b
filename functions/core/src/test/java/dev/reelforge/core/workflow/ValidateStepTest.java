package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.JobConflictException;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Validate opens the job, looks the content up in the prompt cache and refuses to reopen a finished job. */
class ValidateStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final RequestParser parser = new RequestParser(JSON);
    private final ValidateStep validate = new ValidateStep(
            parser,
            new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.bundled(JSON), Set.of("animatic")),
            jobs,
            cache,
            clock);

    private RenderRequest mugDrop() throws IOException {
        return parser.parse(JSON.readTree(MUG_DROP.toFile()));
    }

    @Test
    void run_newContent_opensTheJobAndMissesTheCache() throws IOException {
        JobTicket ticket = validate.run(mugDrop(), "j-1");

        assertThat(ticket.cacheHit()).isFalse();
        assertThat(ticket.cacheKey()).isNotEmpty();
        assertThat(ticket.provider()).isEqualTo("animatic");
        assertThat(ticket.tenant()).isEqualTo("demo");
        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.RENDERING);
    }

    @Test
    void run_newJob_isOpenedRenderingInOneWrite_aResumedOneIsUpdated() throws IOException {
        List<String> calls = new ArrayList<>();
        JobStore counted = new JobStore() {
            @Override
            public JobRecord create(JobRecord record) {
                calls.add("create " + record.status());
                return jobs.create(record);
            }

            @Override
            public Optional<JobRecord> find(String jobId) {
                calls.add("find");
                return jobs.find(jobId);
            }

            @Override
            public JobRecord update(String jobId, UnaryOperator<JobRecord> change) {
                calls.add("update");
                return jobs.update(jobId, change);
            }
        };
        ValidateStep step = new ValidateStep(
                parser,
                new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.bundled(JSON), Set.of("animatic")),
                counted,
                cache,
                clock);

        step.run(mugDrop(), "j-1");
        assertThat(calls).containsExactly("create RENDERING");

        calls.clear();
        step.run(mugDrop(), "j-1");
        assertThat(calls)
                .as("a retried Validate finds the job it opened and keeps it rendering")
                .containsExactly("create RENDERING", "find", "update");
        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.RENDERING);
    }

    @Test
    void run_contentApprovedBefore_isACacheHitWithTheApprovedClip() throws IOException {
        String key = validate.run(mugDrop(), "j-1").cacheKey();
        cache.put(new CacheEntry(key, "clips/demo/j-1/1/0.mp4", "j-1", "animatic", "animatic-v1", clock.instant()));

        JobTicket again = validate.run(mugDrop(), "j-2");

        assertThat(again.cacheHit()).isTrue();
        assertThat(again.cachedClipKey()).isEqualTo("clips/demo/j-1/1/0.mp4");
        assertThat(again.cachedJobId()).isEqualTo("j-1");
        assertThat(again.estimatedCostUsd()).isZero();
    }

    @Test
    void run_jobAlreadyFinished_throwsConflict() throws IOException {
        validate.run(mugDrop(), "j-1");
        jobs.update("j-1", r -> r.withStatus(JobStatus.SUCCEEDED, "", clock.instant()));

        assertThatThrownBy(() -> validate.run(mugDrop(), "j-1"))
                .isInstanceOf(JobConflictException.class)
                .hasMessageContaining("already ended as SUCCEEDED");
    }

    @Test
    void requestOf_neitherRequestNorText_namesWhatIsMissing() {
        assertThatThrownBy(() -> validate.requestOf(JSON.createObjectNode()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("requestText");
    }

    @Test
    void requestOf_textOrObject_parsesTheSameRequestOnce() throws IOException {
        JsonNode request = JSON.readTree(MUG_DROP.toFile());
        var asObject = JSON.createObjectNode().set("request", request);
        var asText = JSON.createObjectNode().put("requestText", JSON.writeValueAsString(request));

        assertThat(validate.requestOf(asText))
                .isEqualTo(validate.requestOf(asObject))
                .isEqualTo(mugDrop());
    }
}
