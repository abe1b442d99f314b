package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DataFlowTest {

    @Test
    void inputResultOutputPath_specExample_selectsMergesAndFilters() {
        String definition = """
                {"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:lambda:eu-west-1:123456789012:function:hello",
                 "InputPath":"$.lambda","ResultPath":"$.data.lambdaresult","OutputPath":"$.data","End":true}}}""";
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        ExecutionResult result = run(definition, """
                {"comment":"An input comment.","data":{"val1":23,"val2":17},"extra":"foo","lambda":{"who":"AWS Step Functions"}}""", (resource, input, ctx) -> {
            seen.set(input);
            return TextNode.valueOf("Hello, " + input.get("who").asText() + "!");
        });

        assertThat(seen.get()).isEqualTo(json("{\"who\":\"AWS Step Functions\"}"));
        assertThat(result.output())
                .isEqualTo(json("{\"val1\":23,\"val2\":17,\"lambdaresult\":\"Hello, AWS Step Functions!\"}"));
    }

    @Test
    void parameters_specExample_buildsStaticAndPathFields() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Parameters":{
                  "flagged":true,
                  "parts":{"first.$":"$.vals[0]","last3.$":"$.vals[-3:]"},
                  "execution.$":"$$.Execution.Name",
                  "formatted.$":"States.Format('Run {} has {} values', $$.Execution.Name, States.ArrayLength($.vals))"}}}}""";
        ExecutionResult result = run(definition, "{\"flagged\":7,\"vals\":[0,10,20,30,40,50]}");

        assertThat(result.output()).isEqualTo(json("""
                {"flagged":true,"parts":{"first":0,"last3":[30,40,50]},"execution":"exec-1","formatted":"Run exec-1 has 6 values"}"""));
    }

    @Test
    void resultPath_null_discardsResultAndKeepsInput() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","ResultPath":null,"End":true}}}""";
        ExecutionResult result = run(definition, "{\"a\":1}", (r, in, c) -> json("{\"ignored\":true}"));

        assertThat(result.output()).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void resultPath_nestedMissingPath_createsIntermediateObjects() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.a['b'].c","End":true}}}""";

        assertThat(run(definition, "{\"keep\":true}").output())
                .isEqualTo(json("{\"keep\":true,\"a\":{\"b\":{\"c\":{\"x\":1}}}}"));
    }

    @Test
    void resultPath_intoScalar_failsWithResultPathMatchFailure() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"ResultPath":"$.a.b","End":true}}}""";
        ExecutionResult result = run(definition, "{\"a\":\"text\"}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void resultSelector_reshapesTaskResultBeforeResultPath() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true,
                  "ResultSelector":{"id.$":"$.Payload.jobId","state":"SUBMITTED"},"ResultPath":"$.job"}}}""";
        ExecutionResult result = run(
                definition,
                "{\"prompt\":\"cat\"}",
                (r, in, c) -> json("{\"Payload\":{\"jobId\":\"j-1\",\"noise\":true},\"StatusCode\":200}"));

        assertThat(result.output())
                .isEqualTo(json("{\"prompt\":\"cat\",\"job\":{\"id\":\"j-1\",\"state\":\"SUBMITTED\"}}"));
    }

    @Test
    void inputPathAndOutputPath_null_giveEmptyObjects() {
        String definition = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":null,"Next":"B"},
                 "B":{"Type":"Pass","Result":{"x":1},"OutputPath":null,"End":true}}}""";

        assertThat(run(definition, "{\"a\":1}").output()).isEqualTo(json("{}"));
    }

    @Test
    void parameters_missingPath_failsWithStatesRuntimeThatCatchAllCannotCatch() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","Parameters":{"x.$":"$.missing"},"End":true,
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recovered"}]},
                 "Recovered":{"Type":"Succeed"}}}""";
        ExecutionResult result = run(definition, "{}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).contains("$.missing");
    }

    @Test
    void contextObject_exposesExecutionStateMachineAndStateAsAwsDoes() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Parameters":{
                  "id.$":"$$.Execution.Id","input.$":"$$.Execution.Input","sm.$":"$$.StateMachine.Name",
                  "state.$":"$$.State.Name","entered.$":"$$.State.EnteredTime","redrives.$":"$$.Execution.RedriveCount",
                  "role.$":"$$.Execution.RoleArn","start.$":"$$.Execution.StartTime"}}}}""";
        JsonNode output = run(definition, "{\"k\":1}").output();

        assertThat(output.get("id").asText()).isEqualTo("arn:aws:states:eu-west-1:123456789012:execution:Clip:exec-1");
        assertThat(output.get("input")).isEqualTo(json("{\"k\":1}"));
        assertThat(output.get("sm").asText()).isEqualTo("Clip");
        assertThat(output.get("state").asText()).isEqualTo("P");
        assertThat(output.get("entered").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(output.get("redrives").asInt()).isZero();
        assertThat(output.get("role").asText()).startsWith("arn:aws:iam::123456789012:role/");
        assertThat(output.get("start").asText()).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void contextObject_state_hasNoRetryCount() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Parameters":{"state.$":"$$.State"}}}}""";

        assertThat(run(definition, "{}").output().get("state").fieldNames())
                .toIterable()
                .containsExactly("Name", "EnteredTime");
    }

    @Test
    void pass_withoutResult_passesEffectiveInputThrough() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a","ResultPath":"$.copy","End":true}}}""";

        assertThat(run(definition, "{\"a\":{\"b\":2}}").output())
                .isEqualTo(json("{\"a\":{\"b\":2},\"copy\":{\"b\":2}}"));
    }

    @Test
    void output_overPayloadQuota_failsWithDataLimitExceeded() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true,
                 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]},"Caught":{"Type":"Succeed"}}}""";
        ExecutionResult result = run(definition, "{}", (r, in, c) -> TextNode.valueOf("x".repeat(300 * 1024)));

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void wildcardOrSlice_onMissingField_selectsEmptyArray() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"all.$":"$.missing[*]","some.$":"$.missing[0:2]"},"End":true}}}""";

        assertThat(run(definition, "{}").output()).isEqualTo(json("{\"all\":[],\"some\":[]}"));
    }

    @Test
    void inputPath_contextObject_selectsTheContext() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$$.Execution.Input","ResultPath":"$.copy","OutputPath":"$.copy","End":true}}}""";

        assertThat(run(definition, "{\"k\":1}").output()).isEqualTo(json("{\"k\":1}"));
    }

    @Test
    void inputPath_missing_failsWithAwsWordedCause() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.missing","End":true}}}""";

        ExecutionResult result = run(definition, "{}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause())
                .isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2)."
                        + " Invalid path '$.missing' : No results for path: $['missing']");
    }
}
