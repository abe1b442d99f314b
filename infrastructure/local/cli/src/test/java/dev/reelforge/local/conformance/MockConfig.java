package dev.reelforge.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mock configuration file in the Step Functions Local {@code MockConfigFile} format, the one LocalStack reads from
 * {@code SFN_MOCK_CONFIG}: {@code StateMachines.<name>.TestCases.<case>.<state>} names an entry of
 * {@code MockedResponses}, whose keys are invocation numbers or ranges ({@code "0"}, {@code "1-2"}) counted per state
 * over the whole execution, retries and loops included. Reading it here lets Reelforge's engine replay the very same
 * responses that LocalStack serves.
 */
public final class MockConfig {
    private final JsonNode root;

    private MockConfig(JsonNode root) {
        this.root = root;
    }

    public static MockConfig read(Path file, ObjectMapper json) {
        try {
            return parse(json.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the mock configuration " + file, e);
        }
    }

    public static MockConfig parse(JsonNode root) {
        if (!root.path("StateMachines").isObject()
                || !root.path("MockedResponses").isObject()) {
            throw new IllegalArgumentException(
                    "A mock configuration needs the objects StateMachines and MockedResponses");
        }
        return new MockConfig(root);
    }

    /** The test case names of one state machine, in file order. */
    public List<String> testCases(String stateMachine) {
        List<String> names = new ArrayList<>();
        machine(stateMachine).path("TestCases").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** For each mocked state of the test case, its responses by invocation number (0, 1, …). */
    public Map<String, List<MockedResponse>> testCase(String stateMachine, String testCase) {
        JsonNode states = machine(stateMachine).path("TestCases").path(testCase);
        if (!states.isObject()) {
            throw new IllegalArgumentException("No test case " + testCase + " for state machine " + stateMachine);
        }
        Map<String, List<MockedResponse>> byState = new LinkedHashMap<>();
        states.fields()
                .forEachRemaining(
                        e -> byState.put(e.getKey(), responses(e.getValue().asText())));
        return Collections.unmodifiableMap(byState);
    }

    private JsonNode machine(String stateMachine) {
        JsonNode machine = root.path("StateMachines").path(stateMachine);
        if (!machine.isObject()) {
            throw new IllegalArgumentException("No state machine " + stateMachine + " in the mock configuration");
        }
        return machine;
    }

    private List<MockedResponse> responses(String name) {
        JsonNode entries = root.path("MockedResponses").path(name);
        if (!entries.isObject() || entries.isEmpty()) {
            throw new IllegalArgumentException("No MockedResponses entry " + name);
        }
        TreeMap<Integer, Map.Entry<Integer, JsonNode>> byStart = new TreeMap<>();
        entries.fields().forEachRemaining(e -> {
            String[] range = e.getKey().strip().split("-");
            int start = Integer.parseInt(range[0].strip());
            int end = range.length == 2 ? Integer.parseInt(range[1].strip()) : start;
            if (range.length > 2 || start < 0 || end < start) {
                throw new IllegalArgumentException("Bad invocation range '" + e.getKey() + "' in " + name);
            }
            byStart.put(start, Map.entry(end, e.getValue()));
        });
        List<MockedResponse> responses = new ArrayList<>();
        for (Map.Entry<Integer, Map.Entry<Integer, JsonNode>> range : byStart.entrySet()) {
            if (range.getKey() != responses.size()) {
                throw new IllegalArgumentException(name + ": invocation ranges must be consecutive from 0; expected "
                        + responses.size() + " but found " + range.getKey());
            }
            MockedResponse response = response(name, range.getValue().getValue());
            for (int i = range.getKey(); i <= range.getValue().getKey(); i++) {
                responses.add(response);
            }
        }
        return List.copyOf(responses);
    }

    private static MockedResponse response(String name, JsonNode entry) {
        if (entry.has("Return") == entry.has("Throw")) {
            throw new IllegalArgumentException(name + ": each response has exactly one of Return and Throw");
        }
        if (entry.has("Return")) {
            return new MockedResponse.Return(entry.get("Return"));
        }
        JsonNode thrown = entry.get("Throw");
        return new MockedResponse.Throw(
                thrown.path("Error").asText(), thrown.path("Cause").asText());
    }
}
