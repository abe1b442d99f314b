package dev.reelforge.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.core.workflow.RecordFailureStep;
import dev.reelforge.wiring.Services;
import java.util.Map;

/** MarkRejected / MarkFailed states: the job record keeps the reason a request was refused or a render failed. */
public final class RecordFailureHandler extends JsonHandler {
    private final RecordFailureStep step;

    public RecordFailureHandler() {
        this(Services.fromEnvironment());
    }

    public RecordFailureHandler(Services services) {
        super(services.json());
        this.step = new RecordFailureStep(services.jobs(), services.json(), services.clock());
    }

    @Override
    protected Object handle(JsonNode input) {
        JsonNode executionInput = input.path("input");
        JsonNode request = executionInput.has("request")
                ? executionInput.get("request")
                : executionInput.has("edit") ? executionInput.get("edit") : executionInput;
        JobRecord record = step.run(
                input.path("jobId").asText(),
                JobStatus.valueOf(input.path("status").asText("FAILED")),
                input.path("error"),
                request);
        return Map.of("jobId", record.jobId(), "status", record.status().name(), "reason", record.reason());
    }
}
