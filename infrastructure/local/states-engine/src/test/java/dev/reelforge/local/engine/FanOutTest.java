package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static dev.reelforge.local.engine.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FanOutTest {

    @Test
    void map_maxConcurrency_boundsParallelismAndPreservesOrder() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":3,"End":true,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Square",
                    "States":{"Square":{"Type":"Task","Resource":"square","End":true}}}}}}""";
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch threeStarted = new CountDownLatch(3);
        TaskHandler handler = (resource, input, ctx) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            threeStarted.countDown();
            try {
                threeStarted.await(5, TimeUnit.SECONDS);
                int n = input.asInt();
                return IntNode.valueOf(n * n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskFailedException("Interrupted", "");
            } finally {
                running.decrementAndGet();
            }
        };
        ExecutionResult result = run(definition, "{\"items\":[1,2,3,4,5,6,7,8,9,10]}", handler);

        assertThat(result.output()).isEqualTo(json("[1,4,9,16,25,36,49,64,81,100]"));
        assertThat(peak.get()).isEqualTo(3);
        assertThat(Fixtures.types(result).stream().filter("MapIterationSucceeded"::equals))
                .hasSize(10);
    }

    @Test
    void map_maxConcurrencyPath_readsTheLimitFromTheInput() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.limit","End":true,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Echo",
                    "States":{"Echo":{"Type":"Task","Resource":"echo","End":true}}}}}}""";
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        TaskHandler handler = (resource, input, ctx) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            twoStarted.countDown();
            try {
                twoStarted.await(5, TimeUnit.SECONDS);
                return input;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskFailedException("Interrupted", "");
            } finally {
                running.decrementAndGet();
            }
        };
        ExecutionResult result = run(definition, "{\"limit\":2,\"items\":[1,2,3,4,5,6]}", handler);

        assertThat(result.output()).isEqualTo(json("[1,2,3,4,5,6]"));
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void map_maxConcurrencyPathNotAnInteger_failsWithStatesRuntime() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.limit","End":true,
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";

        ExecutionResult result = run(definition, "{\"limit\":\"two\",\"items\":[1]}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("States.Runtime");
    }

    @Test
    void map_legacyIteratorAndParameters_exposeMapItemContext() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.names","End":true,
                  "Parameters":{"index.$":"$$.Map.Item.Index","name.$":"$$.Map.Item.Value","prefix.$":"$.prefix"},
                  "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";

        assertThat(run(definition, "{\"prefix\":\"clip\",\"names\":[\"a\",\"b\"]}")
                        .output())
                .isEqualTo(json("""
                [{"index":0,"name":"a","prefix":"clip"},{"index":1,"name":"b","prefix":"clip"}]"""));
    }

    @Test
    void map_itemSelectorAndResultPath_mergeResultsIntoInput() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.n","ResultPath":"$.doubled","End":true,
                  "ItemSelector":{"v.$":"States.MathAdd($$.Map.Item.Value, $$.Map.Item.Value)"},
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":"$.v","End":true}}}}}}""";

        assertThat(run(definition, "{\"n\":[1,2,3]}").output()).isEqualTo(json("{\"n\":[1,2,3],\"doubled\":[2,4,6]}"));
    }

    @Test
    void map_failingIteration_failsStateWithIterationErrorWhichCatchHandles() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
                  "Catch":[{"ErrorEquals":["Bad.Item"],"ResultPath":"$.error","Next":"Caught"}],
                  "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}}},
                 "Caught":{"Type":"Pass","End":true}}}""";
        ExecutionResult result = run(definition, "{\"items\":[1,2,3]}", (r, in, c) -> {
            if (in.asInt() == 2) {
                throw new TaskFailedException("Bad.Item", "two");
            }
            return in;
        });

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(result.output())
                .isEqualTo(json("{\"items\":[1,2,3],\"error\":{\"Error\":\"Bad.Item\",\"Cause\":\"two\"}}"));
        assertThat(Fixtures.types(result))
                .contains("MapIterationFailed", "MapStateFailed", "MapStateExited", "PassStateEntered");
    }

    @Test
    void map_toleratedFailureCount_succeedsUntilThresholdExceeded() {
        String template = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":%d,"End":true,
                  "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}}}}}""";
        TaskHandler oddsFail = (r, in, c) -> {
            if (in.asInt() % 2 == 1) {
                throw new TaskFailedException("Odd", "n=" + in.asInt());
            }
            return in;
        };

        ExecutionResult tolerated = run(template.formatted(2), "[1,2,3,4]", oddsFail);
        ExecutionResult exceeded = run(template.formatted(1), "[1,2,3,4]", oddsFail);

        assertThat(tolerated.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(tolerated.output().get(1).asInt()).isEqualTo(2);
        assertThat(tolerated.output().get(0).get("Error").asText()).isEqualTo("Odd");
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void parallel_branches_returnResultsInBranchOrder() {
        String definition = """
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Slow","States":{"Slow":{"Type":"Task","Resource":"slow","End":true}}},
                  {"StartAt":"Fast","States":{"Fast":{"Type":"Pass","Parameters":{"fast.$":"$.x"},"End":true}}}]}}}""";
        ExecutionResult result = run(definition, "{\"x\":1}", (r, in, c) -> json("{\"slow\":true}"));

        assertThat(result.output()).isEqualTo(json("[{\"slow\":true},{\"fast\":1}]"));
        assertThat(Fixtures.types(result))
                .startsWith("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted")
                .endsWith("ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
    }

    @Test
    void parallel_failingBranch_failsStateWithBranchError() {
        String definition = """
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Ok","States":{"Ok":{"Type":"Pass","End":true}}},
                  {"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Render.Failed","Cause":"no frames"}}}]}}}""";
        ExecutionResult result = run(definition, "{}");

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(result.error()).isEqualTo("Render.Failed");
        assertThat(result.cause()).isEqualTo("no frames");
        assertThat(Fixtures.types(result)).contains("ParallelStateFailed");
    }

    @Test
    void map_toleratedFailureCountPath_readsTheLimitFromTheInput() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ToleratedFailureCountPath":"$.tolerate",
                 "ItemsPath":"$.items","ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}}}}}""";
        TaskHandler failOdd = (resource, input, ctx) -> {
            if (input.asInt() % 2 == 1) {
                throw new TaskFailedException("Odd", "odd item");
            }
            return input;
        };

        assertThat(Fixtures.run(definition, "{\"tolerate\":2,\"items\":[1,2,3]}", failOdd)
                        .status())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Fixtures.run(definition, "{\"tolerate\":1,\"items\":[1,2,3]}", failOdd)
                        .error())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void map_jsonataLimits_areEvaluatedAndCheckedAtRunTime() {
        String definition = """
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
                 "MaxConcurrency":"{% $states.input.width %}","ToleratedFailurePercentage":"{% 50 %}",
                 "Items":"{% $states.input.items %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";

        assertThat(Fixtures.run(definition, "{\"width\":2,\"items\":[1,2]}").output())
                .isEqualTo(Fixtures.json("[1,2]"));
        assertThat(Fixtures.run(definition, "{\"width\":-1,\"items\":[1]}").error())
                .isEqualTo("States.QueryEvaluationError");
    }
}
