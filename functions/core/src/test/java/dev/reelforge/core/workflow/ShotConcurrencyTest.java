package dev.reelforge.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.provider.CapabilityCatalog;
import dev.reelforge.core.provider.ModelCapabilities;
import dev.reelforge.core.reference.ReferenceImage;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.request.RequestParser;
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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Validate's shot concurrency: one at a time where a shot starts from a predecessor this job renders, else the
 * model's limit, capped by the shots that render.
 */
class ShotConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THREE_SHOTS = "{\"tenant\": \"demo\", \"clientRequestId\": \"kettle-1\", \"prompt\":"
            + " \"A red kettle on a stove.\\n00:00–00:05: Wide shot: the kettle sits.\\n00:05–00:10: Close-up: steam"
            + " rises.\\n00:10–00:15: Cut to a hand lifting it.\", \"settings\": {\"durationSeconds\": 15,"
            + " \"aspectRatio\": \"16:9\", \"resolution\": \"360p\"}, \"maxAttempts\": 3}";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    /**
     * The bundled data with the animatic's first frame and limit changed (a null limit: none given), as a deployer's
     * REELFORGE_CAPABILITIES_FILE would give them.
     */
    static CapabilityCatalog animatic(boolean firstFrame, Integer maxConcurrentJobs) {
        try (InputStream in =
                CapabilityCatalog.class.getResourceAsStream("/dev/reelforge/core/provider-capabilities.json")) {
            JsonNode root = JSON.readTree(in);
            for (JsonNode m : root.path("models")) {
                if (m.path("provider").asText().equals("animatic")) {
                    ObjectNode model = ((ObjectNode) m).put("firstFrame", firstFrame);
                    if (maxConcurrentJobs == null) {
                        model.remove("maxConcurrentJobs");
                    } else {
                        model.put("maxConcurrentJobs", maxConcurrentJobs);
                    }
                }
            }
            return CapabilityCatalog.parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ValidateStep.Validation validate(CapabilityCatalog catalog) {
        RequestParser parser = new RequestParser(JSON);
        RenderRequest request = parser.parse(THREE_SHOTS);
        return new ValidateStep(
                        parser,
                        new RequestValidator(ContentPolicy.load(JSON), catalog, Set.of("animatic")),
                        new InMemoryJobStore(),
                        new InMemoryPromptCache(),
                        clock)
                .validate(request, "j-1");
    }

    @Test
    void validate_chainedSequence_rendersOneShotAtATime() {
        ValidateStep.Validation validated = validate(CapabilityCatalog.bundled(JSON));

        assertThat(validated.shots()).hasSize(3);
        assertThat(validated.shots().get(1).job().shot().startsFromPrevious()).isTrue();
        assertThat(validated.shotConcurrency())
                .as("the bundled animatic takes a first frame, so shots 2 and 3 wait for their predecessors")
                .isEqualTo(1);
    }

    @Test
    void validate_unchainedSequence_rendersUpToTheModelsLimit() {
        assertThat(validate(animatic(false, 2)).shotConcurrency()).isEqualTo(2);
    }

    @Test
    void validate_limitAboveTheShotCount_rendersEveryShotAtOnce() {
        assertThat(validate(animatic(false, 8)).shotConcurrency()).isEqualTo(3);
    }

    @Test
    void validate_modelWithoutALimit_rendersOneShotAtATime() {
        assertThat(validate(animatic(false, null)).shotConcurrency()).isEqualTo(1);
    }

    @Test
    void of_chainedShotsWhosePredecessorsAreReused_renderInParallel() {
        ModelCapabilities model =
                CapabilityCatalog.bundled(JSON).find("animatic", "").orElseThrow();
        List<ShotItem> planned = validate(CapabilityCatalog.bundled(JSON)).shots();
        List<ShotItem> edited = List.of(
                reused(planned.get(0)),
                startingFrom(planned.get(1), "clips/demo/old/shot-1-last.png"),
                startingFrom(planned.get(2), "clips/demo/old/shot-2-last.png"));

        assertThat(ShotConcurrency.of(edited, model))
                .as("shots 2 and 3 start from an earlier version's stored last frames and wait for nothing")
                .isEqualTo(2);
        assertThat(ShotConcurrency.of(List.of(edited.get(0), edited.get(1), planned.get(2)), model))
                .as("shot 3 waits for shot 2, which this job renders")
                .isEqualTo(1);
    }

    private static ShotItem reused(ShotItem item) {
        return new ShotItem(item.index(), item.request(), item.job(), item.round(), item.review(), true);
    }

    private static ShotItem startingFrom(ShotItem item, String previousFrame) {
        ShotTicket shot = item.job().shot();
        ShotTicket own = new ShotTicket(shot.index(), shot.count(), shot.firstAttempt(), true, previousFrame);
        return new ShotItem(
                item.index(),
                item.request(),
                item.job().forShot(own, item.job().pricePerClipUsd(), ReferenceImage.NONE),
                item.round(),
                item.review());
    }
}
