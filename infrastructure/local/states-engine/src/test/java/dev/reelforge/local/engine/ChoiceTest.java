package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceTest {
    /** The rules example from the States Language specification, with each target ending the run. */
    private static final String SPEC_EXAMPLE = """
            {"StartAt":"Choose","States":{
              "Choose":{"Type":"Choice","Choices":[
                {"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"},
                {"And":[{"Variable":"$.value","IsPresent":true},{"Variable":"$.value","IsNumeric":true},
                        {"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],
                 "Next":"ValueInTwenties"},
                {"Variable":"$.rating","NumericGreaterThanPath":"$.auditThreshold","Next":"StartAudit"}],
               "Default":"RecordEvent"},
              "Public":{"Type":"Pass","Result":"Public","End":true},
              "ValueInTwenties":{"Type":"Pass","Result":"ValueInTwenties","End":true},
              "StartAudit":{"Type":"Pass","Result":"StartAudit","End":true},
              "RecordEvent":{"Type":"Pass","Result":"RecordEvent","End":true}}}""";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"Public\"}|Public",
                "{\"type\":\"Private\",\"value\":25}|ValueInTwenties",
                "{\"type\":\"Private\",\"value\":\"25\",\"rating\":53,\"auditThreshold\":50}|StartAudit",
                "{\"type\":\"Private\",\"value\":35,\"rating\":40,\"auditThreshold\":50}|RecordEvent"
            })
    void choice_specRulesExample_takesMatchingBranch(String input, String expected) {
        assertThat(run(SPEC_EXAMPLE, input).output().asText()).isEqualTo(expected);
    }

    private static String definitionFor(String rule) {
        return """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[%s],"Default":"No"},
                 "Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}""".formatted(rule.substring(0, rule.length() - 1) + ",\"Next\":\"Yes\"}");
    }

    private static String decide(String rule, String input) {
        return run(definitionFor(rule), input).output().asText();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Variable\":\"$.n\",\"NumericGreaterThan\":5}|{\"n\":6}|yes",
                "{\"Variable\":\"$.n\",\"NumericGreaterThan\":5}|{\"n\":5}|no",
                "{\"Variable\":\"$.n\",\"NumericEquals\":5}|{\"n\":5.0}|yes",
                "{\"Variable\":\"$.n\",\"NumericLessThanEquals\":5}|{\"n\":5}|yes",
                "{\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":5}|{\"n\":4.9}|no",
                "{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.m\"}|{\"n\":3,\"m\":3}|yes",
                "{\"Variable\":\"$.n\",\"NumericLessThanPath\":\"$.m\"}|{\"n\":3,\"m\":2}|no",
                "{\"Variable\":\"$.n\",\"NumericEquals\":5}|{\"n\":\"5\"}|no",
                "{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"}|{\"s\":\"abc\"}|yes",
                "{\"Variable\":\"$.s\",\"StringLessThan\":\"abd\"}|{\"s\":\"abc\"}|yes",
                "{\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"abc\"}|{\"s\":\"abb\"}|no",
                "{\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.t\"}|{\"s\":\"x\",\"t\":\"x\"}|yes",
                "{\"Variable\":\"$.s\",\"StringMatches\":\"log-*.txt\"}|{\"s\":\"log-2024-01.txt\"}|yes",
                "{\"Variable\":\"$.s\",\"StringMatches\":\"log-*.txt\"}|{\"s\":\"log-1.csv\"}|no",
                "{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*b\"}|{\"s\":\"a*b\"}|yes",
                "{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*b\"}|{\"s\":\"axxb\"}|no",
                "{\"Variable\":\"$.b\",\"BooleanEquals\":true}|{\"b\":true}|yes",
                "{\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.c\"}|{\"b\":true,\"c\":false}|no",
                "{\"Variable\":\"$.t\",\"TimestampLessThan\":\"2024-01-01T00:00:00Z\"}|{\"t\":\"2023-12-31T23:59:59Z\"}|yes",
                "{\"Variable\":\"$.t\",\"TimestampEquals\":\"2024-01-01T00:00:00Z\"}|{\"t\":\"2024-01-01T01:00:00+01:00\"}|yes",
                "{\"Variable\":\"$.t\",\"TimestampGreaterThanPath\":\"$.u\"}|{\"t\":\"2024-01-02T00:00:00Z\",\"u\":\"2024-01-01T00:00:00Z\"}|yes",
                "{\"Variable\":\"$.t\",\"TimestampGreaterThanEquals\":\"2024-01-01T00:00:00Z\"}|{\"t\":\"yesterday\"}|no",
                "{\"Variable\":\"$.x\",\"IsNull\":true}|{\"x\":null}|yes",
                "{\"Variable\":\"$.x\",\"IsPresent\":false}|{}|yes",
                "{\"Variable\":\"$.x\",\"IsString\":true}|{\"x\":1}|no",
                "{\"Variable\":\"$.x\",\"IsBoolean\":true}|{\"x\":false}|yes",
                "{\"Variable\":\"$.x\",\"IsTimestamp\":true}|{\"x\":\"2024-05-06T07:08:09.123Z\"}|yes",
                "{\"Or\":[{\"Variable\":\"$.a\",\"NumericEquals\":1},{\"Variable\":\"$.b\",\"NumericEquals\":1}]}|{\"a\":0,\"b\":1}|yes",
                "{\"Not\":{\"And\":[{\"Variable\":\"$.a\",\"IsPresent\":true},{\"Variable\":\"$.a\",\"BooleanEquals\":true}]}}|{\"a\":true}|no"
            })
    void choice_comparisonOperators_takeMatchingBranch(String rule, String input, String expected) {
        assertThat(decide(rule, input)).isEqualTo(expected);
    }

    @Test
    void choice_numericGreaterThan_takesMatchingBranch() {
        assertThat(decide("{\"Variable\":\"$.score\",\"NumericGreaterThan\":0.8}", "{\"score\":0.93}"))
                .isEqualTo("yes");
    }

    @Test
    void choice_noMatchAndNoDefault_failsWithNoChoiceMatched() {
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":1,"Next":"Y"}]},
                 "Y":{"Type":"Succeed"}}}""";
        ExecutionResult result = run(definition, "{\"a\":2}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void choice_missingVariable_failsWithStatesRuntime() {
        ExecutionResult result = run(definitionFor("{\"Variable\":\"$.nope\",\"NumericEquals\":1}"), "{}");

        assertThat(result.error()).isEqualTo("States.Runtime");
    }

    @Test
    void choice_outputPath_appliesToEffectiveInput() {
        String definition = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.v",
                 "Choices":[{"Variable":"$.v","IsPresent":true,"Next":"Y"}]},"Y":{"Type":"Succeed"}}}""";

        assertThat(run(definition, "{\"in\":{\"v\":42}}").output().asInt()).isEqualTo(42);
    }
}
