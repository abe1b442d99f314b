package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.cache.CacheEntry;
import dev.reelforge.core.cost.DailyBudget;
import dev.reelforge.core.error.DailyBudgetExceededException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities.Lifecycle;
import dev.reelforge.core.reference.ImageModels;
import dev.reelforge.core.reference.ImageModels.ImageModel;
import dev.reelforge.core.reference.ImageSpec;
import dev.reelforge.core.reference.ReferenceGeneration;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.reference.ReferenceIntake;
import dev.reelforge.core.request.RequestParser;
import dev.reelforge.core.testing.DirectoryClipStore;
import dev.reelforge.core.testing.InMemoryJobStore;
import dev.reelforge.core.testing.InMemoryPromptCache;
import dev.reelforge.core.testing.InMemoryTenantSpendLedger;
import dev.reelforge.core.testing.Stills;
import dev.reelforge.core.validation.ContentPolicy;
import dev.reelforge.core.validation.RequestValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "referenceImage": {"generate": …}}: the still is generated before any video spend, priced into the
 * estimate and the budgets, kept under its prompt (the same prompt is generated once), validated like an upload
 * and recorded on the job with what made it.
 */
class ValidateStepGeneratedReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MUG_DROP = Path.of("../../events/requests/mug-drop.json");
    private static final ImageModel PRICED =
            new ImageModel("fake-images", "still-1", 0.25, 100, Lifecycle.ACTIVE, null);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPromptCache cache = new InMemoryPromptCache();
    private final InMemoryTenantSpendLedger ledger = new InMemoryTenantSpendLedger();
    private final List<ImageSpec> asked = new ArrayList<>();
    private DirectoryClipStore store;
    private byte[] answer;

    @BeforeEach
    void setUp() {
        store = new DirectoryClipStore(dir);
        answer = null;
    }

    private ValidateStep validate(ImageModel model, double dailyLimitUsd) {
        ReferenceGeneration generation = new ReferenceGeneration(
                () -> store,
                spec -> {
                    asked.add(spec);
                    return answer != null
                            ? answer
                            : Stills.png(
                                    spec.frame().width(),
                                    spec.frame().height(),
                                    spec.prompt().length());
                },
                model,
                () -> DailyBudget.of(ledger, dailyLimitUsd));
        return new ValidateStep(
                new RequestParser(JSON),
                new RequestValidator(ContentPolicy.load(JSON), CapabilityCatalog.bundled(JSON), Set.of("animatic")),
                jobs,
                cache,
                clock,
                new ReferenceIntake(
                        store, (image, header, frame, policy) -> Stills.png(frame.width(), frame.height(), 0)),
                generation);
    }

    private JobTicket run(ValidateStep step, String prompt, String jobId) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(MUG_DROP.toFile());
        request.putObject("referenceImage").put("generate", prompt);
        return step.run(new RequestParser(JSON).parse(request), jobId);
    }

    @Test
    void run_generate_stillKeptWithTheJobAndPricedIntoTheEstimate() throws IOException {
        JobTicket ticket = run(validate(PRICED, 100), "a white mug on an oak table", "j-1");

        ReferenceImage image = jobs.find("j-1").orElseThrow().detail().referenceImage();
        assertThat(image).isEqualTo(ticket.referenceImage());
        assertThat(image.prompt()).isEqualTo("a white mug on an oak table");
        assertThat(image.generator()).isEqualTo("fake-images/still-1");
        assertThat(image.costUsd()).isEqualTo(0.25);
        assertThat(image.key()).startsWith("references/demo/generated/");
        assertThat(store.exists(image.key())).isTrue();
        assertThat(asked)
                .singleElement()
                .satisfies(s -> assertThat(s.frame().height()).isEqualTo(1280));
        assertThat(ticket.estimatedCostUsd()).isEqualTo(0.25);
        assertThat(ledger.spent("demo", LocalDate.of(2026, 12, 2))).isEqualTo(0.25);
    }

    @Test
    void run_samePromptAgain_generatedOnceAndACacheHit() throws IOException {
        ValidateStep step = validate(PRICED, 100);
        JobTicket first = run(step, "a white mug on an oak table", "j-1");
        cache.put(new CacheEntry(
                first.cacheKey(), "clips/demo/j-1/1/0.mp4", "j-1", "animatic", "animatic-1", clock.instant()));

        JobTicket again = run(step, "a white mug on an oak table", "j-2");
        JobTicket other = run(step, "a blue mug on an oak table", "j-3");

        assertThat(asked).hasSize(2);
        assertThat(again.cacheHit()).isTrue();
        assertThat(again.referenceImage().costUsd()).isZero();
        assertThat(other.cacheHit()).isFalse();
        assertThat(other.referenceImage().sha256())
                .isNotEqualTo(first.referenceImage().sha256());
    }

    @Test
    void run_imageOverTheBudget_refusedBeforeGenerating() {
        ValidateStep step = validate(PRICED.withPrice(50), 100);

        assertThatThrownBy(() -> run(step, "a white mug", "j-1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("budgetUsd: generating the reference image costs $50.000");
        assertThat(asked).isEmpty();
        assertThat(jobs.find("j-1")).isEmpty();
    }

    @Test
    void run_dailyBudgetSpent_refusedBeforeGenerating() {
        ValidateStep step = validate(PRICED, 0.1);

        assertThatThrownBy(() -> run(step, "a white mug", "j-1")).isInstanceOf(DailyBudgetExceededException.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void run_retiredOrUnpricedModel_refusedNamingTheField() {
        ImageModel retired = new ImageModel(
                "bedrock-image", "amazon.nova-canvas-v1:0", 0.04, 1024, Lifecycle.ACTIVE, LocalDate.of(2026, 9, 30));
        ImageModel unpriced = ImageModels.bundled(JSON).find("openai-images", "gpt-image-1");

        assertThatThrownBy(() -> run(validate(retired, 100), "a white mug", "j-1"))
                .hasMessageContaining("referenceImage.generate: bedrock-image/amazon.nova-canvas-v1:0 is retired since"
                        + " 2026-09-30");
        assertThatThrownBy(() -> run(validate(unpriced, 100), "a white mug", "j-2"))
                .hasMessageContaining("referenceImage.generate: openai-images/gpt-image-1 has no per-image price");
        assertThatThrownBy(() -> run(validate(PRICED, 100), "x".repeat(101), "j-3"))
                .hasMessageContaining("the image prompt has 101 characters; fake-images/still-1 takes at most 100");
        assertThat(asked).isEmpty();
    }

    @Test
    void run_generatorAnswersNoImage_refusedAndNothingKept() throws IOException {
        ValidateStep step = validate(PRICED, 100);
        answer = "<html>busy</html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(step, "a white mug", "j-1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("referenceImage.generate");
        assertThat(jobs.find("j-1")).isEmpty();
        answer = null;
        run(step, "a white mug", "j-2");
        assertThat(asked)
                .as("the refused answer was not kept as the prompt's still")
                .hasSize(2);
    }
}
