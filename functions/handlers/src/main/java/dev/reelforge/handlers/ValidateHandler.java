package dev.reelforge.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.approval.ApprovalGate;
import dev.reelforge.core.edit.EditPlan;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.request.RenderRequest;
import dev.reelforge.core.sequence.ShotPlan;
import dev.reelforge.core.workflow.EditStep;
import dev.reelforge.core.workflow.RenderRound;
import dev.reelforge.core.workflow.ReviewOutcome;
import dev.reelforge.core.workflow.ValidateStep;
import dev.reelforge.wiring.HandlerConfig;
import dev.reelforge.wiring.Services;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validate state: checks the request and opens the job; its output becomes the whole workflow state. {@code request}
 * is the parsed, validated {@link RenderRequest}, which later states read as it is instead of parsing it again;
 * {@code approval} is the approval gate ({@code ApprovalRequired?} reads it); {@code shots}, only for a storyboard
 * rendered shot by shot, the items of the {@code Shots} Map, and {@code shotConcurrency} how many of them render at
 * once (the Map's {@code MaxConcurrencyPath}). An input {@code {"edit": …}} is a remix, re-cut or
 * storyboard edit of a finished job ({@link EditStep}); {@code edit} says which, and {@code CacheHit?} sends a re-cut to {@code Recut}.
 */
public final class ValidateHandler extends JsonHandler {
    private final ValidateStep step;
    private final EditStep edits;
    private final ApprovalGate approvalDefault;

    public ValidateHandler() {
        this(Services.fromEnvironment());
    }

    public ValidateHandler(Services services) {
        this(services, HandlerConfig.approvalFromEnvironment());
    }

    /** @param approvalDefault the gate for requests that do not say {@code "approval"} */
    public ValidateHandler(Services services, ApprovalGate approvalDefault) {
        super(services.json());
        this.approvalDefault = approvalDefault;
        this.step = new ValidateStep(
                services.parser(),
                services.validator(),
                services.jobs(),
                services.cache(),
                services.clock(),
                services.references(),
                HandlerConfig.imagesFromEnvironment().build(services));
        this.edits = new EditStep(services.validator(), services.jobs(), services.cache(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        if (input.path("input").has("edit")) {
            if (input.path("input").has("request") || input.path("input").has("requestText")) {
                throw InvalidRequestException.of("edit", "an execution input carries a request or an edit, not both");
            }
            return edit(input.path("input").get("edit"), input.path("jobId").asText());
        }
        RenderRequest request = step.requestOf(input.path("input"));
        ApprovalGate approval = ApprovalGate.of(rawRequest(input.path("input")), approvalDefault);
        if (approval.required() && ShotPlan.rendersShotByShot(request)) {
            throw InvalidRequestException.of(
                    "approval",
                    "a storyboard of several shots renders shot by shot, which cannot wait for approval yet; set"
                            + " \"approval\": \"none\" or \"continuous\": true");
        }
        ValidateStep.Validation validated =
                step.validate(request, input.path("jobId").asText());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("approval", approval);
        state.put("request", request);
        state.put("job", validated.job());
        state.put("round", RenderRound.notStarted());
        state.put("review", ReviewOutcome.notReviewed());
        state.put("edit", EditPlan.none());
        if (!validated.shots().isEmpty()) {
            state.put("shots", validated.shots());
            state.put("shotConcurrency", validated.shotConcurrency());
        }
        return state;
    }

    /**
     * An edit of a finished job: a new job, a version of it, whose first round the edit decides; a storyboard
     * edit's shots go to the {@code Shots} Map like any sequence's.
     */
    private Object edit(JsonNode editInput, String jobId) {
        ApprovalGate approval = ApprovalGate.of(editInput, approvalDefault);
        EditRequest request = EditRequest.parse(editInput);
        if (approval.required() && request.kind() == EditRequest.Kind.STORYBOARD) {
            throw InvalidRequestException.of(
                    "approval",
                    "a storyboard edit renders shot by shot, which cannot wait for approval yet; set"
                            + " \"approval\": \"none\"");
        }
        EditStep.Edited edited = edits.run(request, jobId);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("approval", approval);
        state.put("request", edited.request());
        state.put("job", edited.job());
        state.put("round", RenderRound.notStarted());
        state.put("review", edited.review());
        state.put("edit", edited.edit());
        if (!edited.shots().isEmpty()) {
            state.put("shots", edited.shots());
            state.put("shotConcurrency", edited.shotConcurrency());
        }
        return state;
    }

    /** The request as sent (the schema has checked it already): the gate is a request field the record does not hold. */
    private JsonNode rawRequest(JsonNode executionInput) {
        if (executionInput.hasNonNull("request")) {
            return executionInput.get("request");
        }
        try {
            return json().readTree(executionInput.path("requestText").asText("{}"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request the parser accepted no longer parses", e);
        }
    }
}
