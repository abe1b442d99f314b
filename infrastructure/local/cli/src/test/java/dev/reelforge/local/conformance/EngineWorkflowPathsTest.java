package dev.reelforge.local.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.engine.VirtualClock;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalWorkflow;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine half of {@link EngineConformanceTest}, without LocalStack: every test case of the mock configuration
 * runs the deployed definition on Reelforge's engine and takes the workflow path {@link ExpectedPaths} names, so a
 * change to the engine that moves a path shows in the default build, not only in the LocalStack tier.
 */
class EngineWorkflowPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("dev.reelforge.local.conformance.EngineConformanceTest#cases")
    void testCase_onReelforgeEngine_takesTheExpectedPath(String machine, String testCase) {
        MockConfig mocks = MockConfig.read(ConformancePaths.mockConfig(ConformancePaths.repositoryRoot()), JSON);
        String definition = Definitions.substitute(
                Definitions.load(machine.substring("reelforge-".length()) + ".asl.json"),
                Definitions.localSubstitutions());

        MockConfigTaskResolver tasks = MockConfigTaskResolver.of(mocks, machine, testCase);
        Engine engine = new Engine(tasks, new VirtualClock());
        tasks.answeringThrough(engine.tokens());
        ExecutionTrace trace = ExecutionTrace.of(engine.withRandom(new Random(11))
                .run(
                        StateMachine.parse(definition),
                        LocalWorkflow.stateMachineArn(machine),
                        testCase,
                        EngineConformanceTest.input(machine)));

        ExpectedPaths.assertPath(machine, testCase, trace);
    }
}
