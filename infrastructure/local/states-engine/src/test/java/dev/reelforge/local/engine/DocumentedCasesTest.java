package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Cases written from AWS's documentation of JSONata, variables and Map that the other tests did not pin: the
 * reserved {@code $states.context}, Items as a literal array with expressions, a Map's Output and Assign over
 * {@code $states.result}, the per-state Assign limit across several variables, JSONPath-only fields refused in JSONata,
 * a distributed Map's children not seeing the parent's variables, and {@code $var} in ResultSelector and OutputPath
 * (but never as a ResultPath).
 */
class DocumentedCasesTest {
    @Test
    void statesContext_inJsonata_isTheContextObjectWithoutRetryCount() {
        ExecutionResult result = run("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,
                 "Output":"{% [$states.context.State.Name, $states.context.Execution.Name, \
                $states.context.StateMachine.Name, $states.context.Execution.Input.v, \
                $states.context.Execution.RedriveCount, $exists($states.context.State.RetryCount)] %}"}}}""", "{\"v\":7}");

        assertThat(result.output()).isEqualTo(json("[\"P\",\"exec-1\",\"Clip\",7,0,false]"));
    }

    @Test
    void mapItems_literalArrayWithExpressions_evaluatesEachElement() {
        ExecutionResult result = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
                 "Items":[1,"{% $states.input.n * 2 %}","x"],
                 "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}}}""", "{\"n\":5}");

        assertThat(result.output()).isEqualTo(json("[1,10,\"x\"]"));
    }

    @Test
    void mapOutputAndAssign_readTheIterationResults_andTheNextStateSeesTheVariable() {
        ExecutionResult result = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{
                 "M":{"Type":"Map","Items":"{% [1,2,3] %}","Next":"N",
                  "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Output":"{% $states.input * 10 %}",
                   "End":true}}},
                  "Output":"{% $sum($states.result) %}","Assign":{"count":"{% $count($states.result) %}"}},
                 "N":{"Type":"Pass","Output":"{% [$states.input, $count] %}","End":true}}}""", "{}");

        assertThat(result.output()).isEqualTo(json("[60,3]"));
    }

    @Test
    void assign_severalVariablesTogetherOverTheStateLimit_failsWithStatesRuntime() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"a.$":"$.s","b.$":"$.s"},"End":true}}}""";
        String fits = "{\"s\":\"" + "x".repeat(100_000) + "\"}";
        String over = "{\"s\":\"" + "x".repeat(140_000) + "\"}";

        assertThat(run(definition, fits).status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        ExecutionResult tooBig = run(definition, over);
        assertThat(tooBig.error()).isEqualTo("States.Runtime");
        assertThat(tooBig.cause()).contains("Assign").contains("262144");
    }

    @Test
    void passWithArguments_inJsonata_isRefusedNamingTheField() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Arguments":{"a":1},
                 "End":true}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/P/Arguments");
    }

    @Test
    void distributedMapChildren_doNotSeeTheParentsVariables() {
        ExecutionResult result = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"outer":1},"Next":"M"},
                 "M":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{
                  "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"I",
                  "States":{"I":{"Type":"Pass","Parameters":{"v.$":"$outer"},"End":true}}}}}}""", "{\"items\":[1]}");

        assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void inlineMapVariables_innerAssignmentOfAnOuterName_doesNotChangeTheOuterValue() {
        ExecutionResult result = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"outer":1},"Next":"M"},
                 "M":{"Type":"Map","ItemsPath":"$.items","Next":"After","ItemProcessor":{"StartAt":"I",
                  "States":{"I":{"Type":"Pass","Assign":{"outer.$":"$"},"End":true}}}},
                 "After":{"Type":"Pass","Parameters":{"v.$":"$outer"},"End":true}}}""", "{\"items\":[5,6]}");

        assertThat(result.output()).isEqualTo(json("{\"v\":1}"));
    }

    @Test
    void jsonPathVariables_inResultSelectorAndOutputPath_areRead() {
        ExecutionResult selected = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"k":"v"},"Next":"T"},
                 "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"a":1},
                  "ResultSelector":{"k.$":"$k","r.$":"$.a"},"End":true}}}""", "{}");
        ExecutionResult output = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"k":{"x":1}},"Next":"B"},
                 "B":{"Type":"Pass","OutputPath":"$k.x","End":true}}}""", "{}");

        assertThat(selected.output()).isEqualTo(json("{\"k\":\"v\",\"r\":1}"));
        assertThat(output.output()).isEqualTo(json("1"));
    }

    @Test
    void resultPathNamingAVariable_isRefusedAtTheField() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$k","End":true}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/A/ResultPath");
    }
}
