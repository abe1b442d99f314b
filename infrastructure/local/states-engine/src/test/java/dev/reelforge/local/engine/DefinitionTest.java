package dev.reelforge.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionTest {

    @Test
    void parse_validDefinition_exposesStartAtAndStates() {
        StateMachine machine = StateMachine.parse("""
                {"Comment":"demo","TimeoutSeconds":60,"StartAt":"A","States":{"A":{"Type":"Pass","End":true},
                 "Orphan":{"Type":"Succeed"}}}""");

        assertThat(machine.startAt()).isEqualTo("A");
        assertThat(machine.stateNames()).containsExactlyInAnyOrder("A", "Orphan");
        assertThat(machine.timeoutSeconds()).contains(60);
        assertThat(machine.comment()).contains("demo");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"States\":{\"A\":{\"Type\":\"Succeed\"}}}|'StartAt' is required",
                "{\"StartAt\":\"B\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}|State \"B\" is not found",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Sleep\",\"End\":true}}}|Unknown state type 'Sleep'",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nope\"}}}|Missing 'Next' target: Nope at /States/A",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}|Exactly one of 'Next' or 'End: true'",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Choice\",\"Default\":\"A\"}}}|'Choices' must be a non-empty array",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\",\"Next\":\"A\"}}}|must not have 'Next'",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Fail\",\"End\":true}}}|must not have 'Next' or 'End'",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"End\":true}}}|'Resource' is required",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"End\":true}}}|Exactly one of Seconds",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"InputPath\":\"a.b\"}}}|INVALID_JSON_PATH",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"ResultPath\":\"$.a[*]\"}}}|Invalid reference path",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"Parameters\":{\"x.$\":\"States.Format('oops\"}}}}|Invalid intrinsic function",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"r\",\"End\":true,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\",\"X\"]}]}}}|States.ALL must appear alone",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"r\",\"End\":true,\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"A\"},{\"ErrorEquals\":[\"X\"],\"Next\":\"A\"}]}}}|States.ALL must appear alone",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"NumericEquals\":\"1\",\"Next\":\"A\"}]}}}|Invalid operand for 'NumericEquals'",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Map\",\"End\":true}}}|need 'ItemProcessor'",
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"X\",\"States\":{\"Y\":{\"Type\":\"Succeed\"}}}]}}}|/States/A/Branches/0/StartAt"
            })
    void parse_invalidDefinition_throwsWithWhatAndWhere(String definition, String expectedFragment) {
        assertThatThrownBy(() -> StateMachine.parse(definition))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("Invalid State Machine Definition: '")
                .hasMessageContaining(expectedFragment);
    }

    @Test
    void parse_malformedJson_throwsInvalidDefinition() {
        assertThatThrownBy(() -> StateMachine.parse("{not json"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("INVALID_JSON_DESCRIPTION");
    }

    @Test
    void parse_nextTargetInOtherBranch_isRejected() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done","Branches":[
                  {"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Done"}}}]},"Done":{"Type":"Succeed"}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Missing 'Next' target: Done at /States/P/Branches/0/States/X");
    }

    @Test
    void parse_unknownField_isRejectedAsAwsRejectsIt() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Reslt":{"a":1},"End":true}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .isNotInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("'Reslt'")
                .hasMessageContaining("/States/P/Reslt");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Type\":\"Map\",\"End\":true,\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"PARQUET\"},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemReader/ReaderConfig/InputType",
                "{\"Type\":\"Map\",\"End\":true,\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"JSON\",\"ItemsPointer\":\"/items\"},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemReader/ReaderConfig/ItemsPointer",
                "{\"Type\":\"Map\",\"End\":true,\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"MANIFEST\",\"ManifestType\":\"ATHENA_DATA\"},\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemReader/ReaderConfig/ManifestType",
                "{\"Type\":\"Task\",\"Resource\":\"r\",\"HeartbeatSeconds\":10,\"End\":true}|/States/A/HeartbeatSeconds"
            })
    void parse_featureTheEngineDoesNotRun_isRefusedNamingTheField(String state, String pointer) {
        assertThatThrownBy(() -> StateMachine.parse("{\"StartAt\":\"A\",\"States\":{\"A\":" + state + "}}"))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("UNSUPPORTED_LOCALLY")
                .hasMessageContaining(pointer);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Type\":\"Map\",\"End\":true,\"ItemBatcher\":{\"MaxItemsPerBatch\":2},\"ItemProcessor\":{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemBatcher",
                "{\"Type\":\"Map\",\"End\":true,\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemProcessor/ProcessorConfig/ExecutionType",
                "{\"Type\":\"Map\",\"End\":true,\"ItemBatcher\":{},\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemBatcher",
                "{\"Type\":\"Map\",\"End\":true,\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\"},\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ResultWriter",
                "{\"Type\":\"Map\",\"End\":true,\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\"}},\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}}|/States/A/ItemReader/ReaderConfig/CSVHeaders"
            })
    void parse_distributedFieldMisused_isRejectedAsAwsRejectsIt(String state, String pointer) {
        assertThatThrownBy(() -> StateMachine.parse("{\"StartAt\":\"A\",\"States\":{\"A\":" + state + "}}"))
                .isInstanceOf(InvalidDefinitionException.class)
                .isNotInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining(pointer);
    }

    @Test
    void parse_jsonPathTopLevelWithJsonataState_isAccepted() {
        StateMachine machine = StateMachine.parse("""
                {"StartAt":"A","States":{
                 "A":{"Type":"Pass","Parameters":{"x.$":"$.a"},"Next":"B"},
                 "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.x %}","End":true}}}""");

        assertThat(machine.stateNames()).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void parse_jsonataTopLevelWithJsonPathState_isRejectedAsOnAws() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                 "A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}"""))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/A/QueryLanguage");
    }
}
