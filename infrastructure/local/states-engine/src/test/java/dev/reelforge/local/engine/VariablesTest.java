package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Workflow variables in JSONPath states: Assign, {@code $name} in paths and templates, scopes and limits. */
class VariablesTest {

    @Test
    void assign_taskResultAfterResultSelector_isReadByLaterParametersAndInputPath() {
        String definition = """
                {"StartAt":"T","States":{
                 "T":{"Type":"Task","Resource":"r","ResultSelector":{"id.$":"$.order.id"},"ResultPath":null,
                   "Assign":{"orderId.$":"$.id","static":"s","whole.$":"$"},"Next":"Use"},
                 "Use":{"Type":"Pass","InputPath":"$whole","Parameters":{"id.$":"$orderId","fromInput.$":"$.id",
                   "both.$":"States.Format('{}-{}', $orderId, $static)"},"End":true}}}""";

        ExecutionResult result = run(definition, "{}", (r, in, c) -> json("{\"order\":{\"id\":7}}"));

        assertThat(result.output()).isEqualTo(json("{\"id\":7,\"fromInput\":7,\"both\":\"7-s\"}"));
    }

    @Test
    void choiceVariable_readsAVariable() {
        String definition = """
                {"StartAt":"Set","States":{
                 "Set":{"Type":"Pass","Assign":{"limit":3},"Next":"C"},
                 "C":{"Type":"Choice","Choices":[{"Variable":"$limit","NumericGreaterThan":2,"Next":"High"}],"Default":"Low"},
                 "High":{"Type":"Pass","Result":"high","End":true},
                 "Low":{"Type":"Pass","Result":"low","End":true}}}""";

        assertThat(run(definition, "{}").output().asText()).isEqualTo("high");
    }

    @Test
    void assign_inCatch_readsTheErrorOutput() {
        String definition = """
                {"StartAt":"T","States":{
                 "T":{"Type":"Task","Resource":"r","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err",
                   "Assign":{"reason.$":"$.Cause"},"Next":"Report"}]},
                 "Report":{"Type":"Pass","Parameters":{"reason.$":"$reason","error.$":"$.err.Error"},"End":true}}}""";

        ExecutionResult result = run(definition, "{}", (r, in, c) -> {
            throw new TaskFailedException("Boom", "disk full");
        });

        assertThat(result.output()).isEqualTo(json("{\"reason\":\"disk full\",\"error\":\"Boom\"}"));
    }

    @Test
    void map_iterationsReadOuterVariables_andTheirAssignmentsStayInside() {
        String definition = """
                {"StartAt":"Set","States":{
                 "Set":{"Type":"Pass","Assign":{"factor":10,"seen":"outer"},"Next":"M"},
                 "M":{"Type":"Map","ItemsPath":"$.items","Next":"After","ItemProcessor":{"StartAt":"A","States":{
                   "A":{"Type":"Pass","Assign":{"seen.$":"$"},"Next":"B"},
                   "B":{"Type":"Pass","Parameters":{"item.$":"$seen","factor.$":"$factor"},"End":true}}}},
                 "After":{"Type":"Pass","Parameters":{"results.$":"$","seen.$":"$seen"},"End":true}}}""";

        assertThat(run(definition, "{\"items\":[1,2]}").output()).isEqualTo(json("""
                {"results":[{"item":1,"factor":10},{"item":2,"factor":10}],"seen":"outer"}"""));
    }

    @Test
    void unknownVariable_failsLikeAMissingPath() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"$nope"},"End":true}}}""";

        ExecutionResult result = run(definition, "{}");

        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause())
                .startsWith("An error occurred while executing the state 'P' (entered at the event id #2).");
    }

    @Test
    void assign_valueOverTheSizeLimit_failsTheState() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Output":{},
                 "Assign":{"big":"{% $join([1..$states.input.times].($states.input.text)) %}"}}}}""";
        String text = "x".repeat(140_000);

        ExecutionResult fits = run(definition, "{\"times\":1,\"text\":\"" + text + "\"}");
        ExecutionResult tooBig = run(definition, "{\"times\":2,\"text\":\"" + text + "\"}");

        assertThat(fits.status()).as(fits.cause()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(tooBig.error()).isEqualTo("States.Runtime");
        assertThat(tooBig.cause()).contains("'big'").contains("262144");
    }

    @Test
    void parse_reservedOrMalformedVariableName_isRefused() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"states":1},"End":true}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/P/Assign/states");
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"1st":1},"End":true}}}""")).hasMessageContaining("/States/P/Assign/1st");
    }
}
