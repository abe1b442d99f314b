package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonataTest {

    @Test
    void output_topLevelJsonata_evaluatesTemplatesAndKeepsLiterals() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,
                 "Output":{"sum":"{% $states.input.a + $states.input.b %}","static":"$.a","list":["{% $states.input.a %}",true]}}}}""";

        assertThat(run(definition, "{\"a\":1,\"b\":2}").output())
                .isEqualTo(json("{\"sum\":3,\"static\":\"$.a\",\"list\":[1,true]}"));
    }

    @Test
    void task_stateLevelJsonata_passesArgumentsAndShapesOutputFromResult() {
        String definition = """
                {"StartAt":"T","States":{"T":{"Type":"Task","QueryLanguage":"JSONata","Resource":"r","End":true,
                 "Arguments":{"who":"{% $uppercase($states.input.name) %}"},
                 "Output":"{% {'greeting': $states.result.text, 'from': $states.input.name} %}"}}}""";
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        ExecutionResult result = run(definition, "{\"name\":\"ada\"}", (resource, input, ctx) -> {
            seen.set(input);
            return json("{\"text\":\"hello " + input.get("who").asText() + "\"}");
        });

        assertThat(seen.get()).isEqualTo(json("{\"who\":\"ADA\"}"));
        assertThat(result.output()).isEqualTo(json("{\"greeting\":\"hello ADA\",\"from\":\"ada\"}"));
    }

    @Test
    void task_withoutOutput_outputsTheResult() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}}""";

        assertThat(run(definition, "{\"a\":1}", (r, in, c) -> json("{\"b\":2}")).output())
                .isEqualTo(json("{\"b\":2}"));
    }

    @Test
    void assign_readsValuesFromBeforeTheState_andLaterStatesSeeTheNewOnes() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                 "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
                 "B":{"Type":"Pass","Assign":{"x":"{% $x + 1 %}"},"Output":{"during":"{% $x %}"},"Next":"C"},
                 "C":{"Type":"Pass","Output":{"during":"{% $states.input.during %}","after":"{% $x %}"},"End":true}}}""";

        assertThat(run(definition, "{}").output()).isEqualTo(json("{\"during\":1,\"after\":2}"));
    }

    @Test
    void choice_condition_picksTheFirstTrueRuleAndItsAssign() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                 "C":{"Type":"Choice","Choices":[
                   {"Condition":"{% $states.input.n > 10 %}","Next":"Big","Assign":{"size":"big"}},
                   {"Condition":"{% $states.input.n > 1 %}","Next":"Big","Assign":{"size":"medium"}}],"Default":"Small"},
                 "Big":{"Type":"Pass","Output":"{% $size %}","End":true},
                 "Small":{"Type":"Succeed"}}}""";

        assertThat(run(definition, "{\"n\":5}").output().asText()).isEqualTo("medium");
        assertThat(run(definition, "{\"n\":0}").output()).isEqualTo(json("{\"n\":0}"));
    }

    @Test
    void choice_conditionNotBoolean_failsWithQueryEvaluationError() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"C","States":{
                 "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"D"}]},
                 "D":{"Type":"Succeed"}}}""";

        ExecutionResult result = run(definition, "{\"n\":5}");

        assertThat(result.error()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void map_itemsAndItemSelector_readTheItemAndItsIndex() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
                 "Items":"{% $states.input.values %}",
                 "ItemSelector":{"value":"{% $states.context.Map.Item.Value %}","index":"{% $states.context.Map.Item.Index %}"},
                 "ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Pass","End":true,
                   "Output":"{% $states.input.value * 2 + $states.input.index %}"}}}}}}""";

        assertThat(run(definition, "{\"values\":[10,20,30]}").output()).isEqualTo(json("[20,41,62]"));
    }

    @Test
    void map_itemsNotAnArray_failsWithQueryEvaluationError() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,"Items":"{% 'x' %}",
                 "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";

        assertThat(run(definition, "{}").error()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void output_undefined_failsWithQueryEvaluationErrorNamingStateAndField() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.missing %}","End":true}}}""";

        ExecutionResult result = run(definition, "{}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(result.cause())
                .isEqualTo(
                        "An error occurred while executing the state 'P' (entered at the event id #2)."
                                + " The JSONata expression '$states.input.missing' specified for the field 'Output' returned nothing (undefined).");
    }

    @Test
    void output_jsonNull_isNotUndefined() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":{"v":"{% null %}"},"End":true}}}""";

        assertThat(run(definition, "{}").output()).isEqualTo(json("{\"v\":null}"));
    }

    @Test
    void catch_outputAndAssign_readTheErrorOutput() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"T","States":{
                 "T":{"Type":"Task","Resource":"r","Next":"Done","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handled",
                   "Assign":{"failedWith":"{% $states.errorOutput.Error %}"},
                   "Output":{"cause":"{% $states.errorOutput.Cause %}","input":"{% $states.input %}"}}]},
                 "Handled":{"Type":"Pass","Output":{"error":"{% $failedWith %}","was":"{% $states.input %}"},"End":true},
                 "Done":{"Type":"Succeed"}}}""";

        ExecutionResult result = run(definition, "{\"a\":1}", (r, in, c) -> {
            throw new TaskFailedException("Boom", "it broke");
        });

        assertThat(result.output())
                .isEqualTo(json("{\"error\":\"Boom\",\"was\":{\"cause\":\"it broke\",\"input\":{\"a\":1}}}"));
    }

    @Test
    void fail_errorAndCauseExpressions_areEvaluated() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Fail",
                 "Error":"{% 'Custom.' & $states.input.kind %}","Cause":"literal cause"}}}""";

        ExecutionResult result = run(definition, "{\"kind\":\"Oops\"}");

        assertThat(result.error()).isEqualTo("Custom.Oops");
        assertThat(result.cause()).isEqualTo("literal cause");
    }

    @Test
    void wait_secondsExpression_waitsThatLong() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"{% $states.input.delay %}","End":true}}}""";
        VirtualClock clock = new VirtualClock();

        ExecutionResult result = run(definition, "{\"delay\":90}", (r, in, c) -> in, clock);

        assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofSeconds(90));
        assertThat(result.output()).isEqualTo(json("{\"delay\":90}"));
    }

    @Test
    void parallel_branchesReadOuterVariables_andKeepTheirOwnAssignments() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"Set","States":{
                 "Set":{"Type":"Pass","Assign":{"base":10,"inner":"outer"},"Next":"Par"},
                 "Par":{"Type":"Parallel","Next":"After","Branches":[
                   {"StartAt":"B1","States":{"B1":{"Type":"Pass","Assign":{"inner":"branch"},"Next":"B2"},
                                             "B2":{"Type":"Pass","Output":"{% $base + 1 & ' ' & $inner %}","End":true}}},
                   {"StartAt":"C1","States":{"C1":{"Type":"Pass","Output":"{% $base + 2 %}","End":true}}}]},
                 "After":{"Type":"Pass","Output":{"branches":"{% $states.input %}","inner":"{% $inner %}"},"End":true}}}""";

        assertThat(run(definition, "{}").output())
                .isEqualTo(json("{\"branches\":[\"11 branch\",12],\"inner\":\"outer\"}"));
    }

    @Test
    void stepFunctionsFunctions_partitionRangeHashParseAndUuid_areAvailable() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Output":{
                 "partition":"{% $partition([1,2,3,4,5], 2) %}","range":"{% $range(0, 10, 5) %}",
                 "hash":"{% $hash('abc', 'SHA-256') %}","parsed":"{% $parse('{\\"k\\":[1]}') %}",
                 "uuid":"{% $length($uuid()) %}"}}}}""";

        assertThat(run(definition, "{}").output()).isEqualTo(json("""
                {"partition":[[1,2],[3,4],[5]],"range":[0,5,10],
                 "hash":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","parsed":{"k":[1]},"uuid":36}"""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "$append($states.input.arr, [9]) => [3,1,2,9]",
                "$sort($states.input.arr) => [1,2,3]",
                "$merge([$states.input.o, {'z':3}]) => {\"x\":1,\"y\":[1,2],\"z\":3}",
                "$states.input.o ~> |$|{'x':5}| => {\"x\":5,\"y\":[1,2]}",
                "$states.input.items[n>1].k => [\"a\",\"c\"]",
                "$states.input.items{k: $sum(n)} => {\"a\":3,\"b\":1,\"c\":2}",
                "$keys($states.input.o) => [\"x\",\"y\"]",
                "$states.input.o = {'x':1,'y':[1,2]} => true",
                "$states.context.Execution.Input.arr[1] => 1"
            })
    void output_libraryOperatorsOverTheInput_giveJsonataResults(String expression, String expected) {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Output":"{% EXPR %}"}}}""".replace("EXPR", expression);

        assertThat(run(definition, """
                {"items":[{"n":3,"k":"a"},{"n":1,"k":"b"},{"n":2,"k":"c"}],"o":{"x":1,"y":[1,2]},"arr":[3,1,2]}""").output()).isEqualTo(json(expected));
    }

    @Test
    void nowAndMillis_readTheEngineClock() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":90,"Next":"P"},
                 "P":{"Type":"Pass","Output":{"now":"{% $now() %}","millis":"{% $millis() %}",
                   "day":"{% $now('[Y0001]-[M01]-[D01]') %}"},"End":true}}}""";

        ExecutionResult result = run(definition, "{}");

        assertThat(result.output()).as(result.cause()).isEqualTo(json("""
                {"now":"2024-01-01T00:01:30.000Z","millis":1704067290000,"day":"2024-01-01"}"""));
    }

    @Test
    void runawayRecursion_failsTheStateWithQueryEvaluationError() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,
                 "Output":"{% ($f := function($n){ $f($n + 1) }; $f(0)) %}"}}}""";

        assertThat(run(definition, "{}").error()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void wait_secondsExpressionNotAnInteger_failsWithQueryEvaluationError() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"{% 'soon' %}","End":true}}}""";

        assertThat(run(definition, "{}").error()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void eval_isNotAvailable() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $eval('1') %}","End":true}}}""";

        assertThat(run(definition, "{}").error()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void parse_jsonPathFieldInJsonataState_isRefusedNamingTheField() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a","End":true}}}""";

        assertThatThrownBy(() -> StateMachine.parse(definition))
                .isInstanceOf(InvalidDefinitionException.class)
                .isNotInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("'InputPath'")
                .hasMessageContaining("/States/P/InputPath");
    }

    @Test
    void parse_jsonataFieldInJsonPathState_isRefused() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Output":{"a":1},"End":true}}}""";

        assertThatThrownBy(() -> StateMachine.parse(definition)).hasMessageContaining("'Output'");
    }

    @Test
    void parse_badJsonataSyntax_isRefusedAtThePointer() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":{"a":"{% 1 + %}"},"End":true}}}""";

        assertThatThrownBy(() -> StateMachine.parse(definition)).hasMessageContaining("/States/P/Output/a");
    }
}
