package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExecutionTrace trace(String output, List<String> types) throws Exception {
        return new ExecutionTrace("SUCCEEDED", JSON.readTree(output), null, null, List.of("A"), types);
    }

    @Test
    void differences_sameValuesWithIntegerAndDecimalNumbers_isEmpty() throws Exception {
        ExecutionTrace ours = trace("{\"cost\":0.0,\"n\":[1]}", List.of("ExecutionStarted", "ExecutionSucceeded"));
        ExecutionTrace theirs = trace("{\"cost\":0,\"n\":[1.0]}", List.of("ExecutionStarted", "ExecutionSucceeded"));

        assertThat(ours.differences(theirs)).isEmpty();
    }

    @Test
    void differences_otherEventTypeAndOutput_namesBothFieldsAndSideBySideMarksTheRow() throws Exception {
        ExecutionTrace ours = trace("{\"v\":1}", List.of("ExecutionStarted", "TaskFailed"));
        ExecutionTrace theirs = trace("{\"v\":2}", List.of("ExecutionStarted", "LambdaFunctionFailed"));

        assertThat(ours.differences(theirs))
                .containsExactly(
                        "output: {\"v\":1} | {\"v\":2}",
                        "event types: [ExecutionStarted, TaskFailed] | [ExecutionStarted, LambdaFunctionFailed]");
        assertThat(ours.sideBySide("ours", theirs, "theirs"))
                .contains("TaskFailed")
                .contains("LambdaFunctionFailed   <-- differs");
    }
}
