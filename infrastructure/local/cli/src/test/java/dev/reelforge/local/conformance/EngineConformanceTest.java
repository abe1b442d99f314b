package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.engine.VirtualClock;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployed state machines, created in LocalStack as they are, run every test case of the mock configuration;
 * Reelforge's engine runs the same definitions on the same mocked task results; the two traces must be equal.
 * All LocalStack executions start at once (their Retry and Wait pauses are real), then each case is compared.
 */
@Tag("localstack")
class EngineConformanceTest {
    static final String RENDER = LocalWorkflow.RENDER_MACHINE;
    static final String BATCH = LocalWorkflow.BATCH_MACHINE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXECUTION_TIMEOUT = Duration.ofMinutes(2);
    private static final String RUN_ID = Long.toString(System.currentTimeMillis(), 36);

    private static LocalStackInstance localStack;
    private static LocalStackStepFunctions sfn;
    private static MockConfig mocks;
    private static final Map<String, String> definitions = new LinkedHashMap<>();
    private static final Map<String, String> machineArns = new LinkedHashMap<>();
    private static final Map<String, String> executions = new LinkedHashMap<>();
    private static final Map<String, Duration> durations = new LinkedHashMap<>();

    @BeforeAll
    static void startEveryCaseOnLocalStack() throws IOException {
        Path repo = ConformancePaths.repositoryRoot();
        mocks = MockConfig.read(ConformancePaths.mockConfig(repo), JSON);
        localStack = ConformancePaths.localStack(repo);
        sfn = new LocalStackStepFunctions(localStack.endpoint(), JSON);
        for (String machine : machines()) {
            String definition = Definitions.substitute(
                    Definitions.load(machine.substring("reelforge-".length()) + ".asl.json"),
                    Definitions.localSubstitutions());
            definitions.put(machine, definition);
            machineArns.put(machine, sfn.deploy(machine, definition));
        }
        for (Arguments arguments : cases().toList()) {
            String machine = (String) arguments.get()[0];
            String testCase = (String) arguments.get()[1];
            executions.put(
                    machine + "#" + testCase,
                    sfn.startTestCase(machineArns.get(machine), testCase, executionName(testCase), input(machine)));
        }
    }

    @AfterAll
    static void stopLocalStack() {
        if (!durations.isEmpty()) {
            StringBuilder summary = new StringBuilder("LocalStack execution time per case:\n");
            durations.forEach((c, d) -> summary.append(String.format("  %-36s %6.1f s%n", c, d.toMillis() / 1000.0)));
            System.out.print(summary);
        }
        if (sfn != null) {
            sfn.close();
        }
        if (localStack != null) {
            localStack.close();
        }
    }

    static Stream<Arguments> cases() {
        MockConfig config = mocks != null
                ? mocks
                : MockConfig.read(ConformancePaths.mockConfig(ConformancePaths.repositoryRoot()), JSON);
        List<Arguments> all = new ArrayList<>();
        for (String machine : machines()) {
            config.testCases(machine).forEach(testCase -> all.add(Arguments.of(machine, testCase)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("cases")
    void testCase_onLocalStackAndReelforgeEngine_tracesAreEqual(String machine, String testCase) throws Exception {
        LocalStackStepFunctions.Ended ended = sfn.awaitEnd(executions.get(machine + "#" + testCase), EXECUTION_TIMEOUT);
        durations.put(machine + "#" + testCase, ended.duration());
        ExecutionTrace localStackTrace = ended.trace();

        MockConfigTaskResolver tasks = MockConfigTaskResolver.of(mocks, machine, testCase);
        Engine engine = new Engine(tasks, new VirtualClock());
        tasks.answeringThrough(engine.tokens());
        ExecutionTrace engineTrace = ExecutionTrace.of(engine.withRandom(new Random(11))
                .run(
                        StateMachine.parse(definitions.get(machine)),
                        LocalWorkflow.stateMachineArn(machine),
                        executionName(testCase),
                        input(machine)));

        ExpectedPaths.assertPath(machine, testCase, engineTrace);
        Optional<LocalStackDeviations.Deviation> knownBug = LocalStackDeviations.of(machine, testCase);
        if (knownBug.isPresent()) {
            LocalStackDeviations.assertKnownDeviation(knownBug.get(), engineTrace, localStackTrace);
            return;
        }
        assertThat(engineTrace.differences(localStackTrace))
                .as(
                        "Reelforge engine vs LocalStack for %s #%s:%n%s",
                        machine,
                        testCase,
                        engineTrace.sideBySide("Reelforge engine", localStackTrace, "LocalStack 2026.3.0"))
                .isEmpty();
    }

    private static List<String> machines() {
        List<String> machines = new ArrayList<>(List.of(RENDER));
        if (Files.isRegularFile(
                ConformancePaths.repositoryRoot().resolve("infrastructure/statemachine/batch.asl.json"))) {
            machines.add(BATCH);
        }
        return machines;
    }

    private static String executionName(String testCase) {
        return testCase + "-" + RUN_ID;
    }

    static JsonNode input(String machine) {
        try {
            JsonNode request = JSON.readTree(ConformancePaths.repositoryRoot()
                    .resolve("events/requests/mug-drop.json")
                    .toFile());
            if (machine.equals(RENDER)) {
                return request;
            }
            ObjectNode batch = JSON.createObjectNode().put("batchId", "batch-7").put("maxConcurrency", 1);
            ArrayNode items = batch.putArray("items");
            for (String name : List.of("batch-7-a", "batch-7-b", "batch-7-c")) {
                items.addObject().put("name", name).set("input", request);
            }
            return batch;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
