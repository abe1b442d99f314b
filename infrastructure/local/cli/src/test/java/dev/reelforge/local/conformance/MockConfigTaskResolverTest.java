package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.TaskContext;
import dev.reelforge.local.engine.TaskFailedException;
import org.junit.jupiter.api.Test;

class MockConfigTaskResolverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:reelforge-submit";
    private static final String CONFIG = """
            {"StateMachines":{"m":{"TestCases":{"Throttled":{"Submit":"ThrottledTwice","Media":"Stopped","Invoke":"Invoked"}}}},
             "MockedResponses":{
               "ThrottledTwice":{
                 "0-1":{"Return":{"StatusCode":200,"FunctionError":"Unhandled",
                        "Payload":{"errorMessage":"429","errorType":"dev.reelforge.core.error.ProviderThrottledException","stackTrace":[]}}},
                 "2":{"Return":{"StatusCode":200,"ExecutedVersion":"$LATEST","Payload":{"status":"RUNNING"}}}},
               "Invoked":{"0":{"Return":{"StatusCode":200,"Payload":{"ok":true},"SdkHttpMetadata":{"x":1}}}},
               "Stopped":{"0":{"Return":{"Containers":[{"ExitCode":0}]}},"1":{"Throw":{"Error":"ECS.AmazonECSException","Cause":"capacity"}}}}}""";

    private static MockConfigTaskResolver resolver() throws Exception {
        return MockConfigTaskResolver.of(MockConfig.parse(JSON.readTree(CONFIG)), "m", "Throttled");
    }

    private static TaskContext context(String state) {
        return new TaskContext("arn:aws:states:us-east-1:000000000000:execution:m:e", state, 0, null);
    }

    @Test
    void invoke_lambdaFunctionErrorForTwoInvocations_failsTwiceWithErrorTypeThenReturnsPayload() throws Exception {
        MockConfigTaskResolver tasks = resolver();
        JsonNode input = JSON.createObjectNode();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tasks.invoke(FUNCTION, input, context("Submit")))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                        assertThat(e.error()).isEqualTo("dev.reelforge.core.error.ProviderThrottledException");
                        assertThat(e.cause())
                                .isEqualTo(
                                        "{\"errorMessage\":\"429\",\"errorType\":\"dev.reelforge.core.error.ProviderThrottledException\",\"stackTrace\":[]}");
                    });
        }
        assertThat(tasks.invoke(FUNCTION, input, context("Submit")))
                .isEqualTo(JSON.readTree("{\"status\":\"RUNNING\"}"));
        assertThat(tasks.invocations()).containsEntry("Submit", 3);
    }

    @Test
    void invoke_lambdaInvokeIntegration_keepsOnlyInvokeResponseFields() throws Exception {
        JsonNode result =
                resolver().invoke("arn:aws:states:::lambda:invoke", JSON.createObjectNode(), context("Invoke"));

        assertThat(result).isEqualTo(JSON.readTree("{\"StatusCode\":200,\"Payload\":{\"ok\":true}}"));
    }

    @Test
    void invoke_serviceIntegrationThenThrow_returnsResponseAsIsThenFails() throws Exception {
        MockConfigTaskResolver tasks = resolver();

        assertThat(tasks.invoke("arn:aws:states:::ecs:runTask.sync", JSON.createObjectNode(), context("Media")))
                .isEqualTo(JSON.readTree("{\"Containers\":[{\"ExitCode\":0}]}"));
        assertThatThrownBy(() ->
                        tasks.invoke("arn:aws:states:::ecs:runTask.sync", JSON.createObjectNode(), context("Media")))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.error()).isEqualTo("ECS.AmazonECSException"));
    }

    @Test
    void invoke_beyondTheMockedInvocations_failsNamingTheState() throws Exception {
        MockConfigTaskResolver tasks = resolver();
        tasks.invoke("arn:aws:states:::ecs:runTask.sync", JSON.createObjectNode(), context("Media"));
        assertThatThrownBy(() -> tasks.invoke("x", JSON.createObjectNode(), context("Media")));

        assertThatThrownBy(() -> tasks.invoke("x", JSON.createObjectNode(), context("Media")))
                .hasMessageContaining("mocks 2 responses for state Media; invocation 2 has none");
        assertThatThrownBy(() -> tasks.invoke("x", JSON.createObjectNode(), context("Unmocked")))
                .hasMessageContaining("mocks no response for state Unmocked");
    }

    @Test
    void parse_gapInInvocationRanges_isRejected() throws Exception {
        JsonNode config = JSON.readTree("""
                {"StateMachines":{"m":{"TestCases":{"c":{"S":"Gap"}}}},
                 "MockedResponses":{"Gap":{"0":{"Return":1},"2":{"Return":2}}}}""");

        assertThatThrownBy(() -> MockConfig.parse(config).testCase("m", "c"))
                .hasMessageContaining("expected 1 but found 2");
    }
}
