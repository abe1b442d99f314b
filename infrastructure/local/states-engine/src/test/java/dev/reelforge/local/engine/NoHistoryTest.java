package dev.reelforge.local.engine;

import static dev.reelforge.local.engine.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Engine#withoutHistory()}: the same execution, no events kept or heard, the same event ids in causes. */
class NoHistoryTest {
    /** A Map of three Pass/Choice iterations, then a Pass whose InputPath selects nothing (a located error). */
    private static final String FAILS_AFTER_MAP = """
            {"StartAt":"Fan","States":{
              "Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"ResultPath":"$.out","Next":"P",
                "ItemProcessor":{"StartAt":"Touch","States":{
                  "Touch":{"Type":"Pass","Parameters":{"value.$":"$.i"},"Next":"Even?"},
                  "Even?":{"Type":"Choice","Choices":[{"Variable":"$.value","NumericGreaterThanEquals":0,"Next":"Ok"}],
                           "Default":"Ok"},
                  "Ok":{"Type":"Succeed"}}}},
              "P":{"Type":"Pass","InputPath":"$.missing","End":true}}}""";

    private static final String SUCCEEDS = """
            {"StartAt":"Fan","States":{
              "Fan":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"i.$":"$$.Map.Item.Index",
                     "state.$":"$$.State.Name"},"End":true,
                "ItemProcessor":{"StartAt":"Touch","States":{
                  "Touch":{"Type":"Pass","Parameters":{"at.$":"$$.State.Name","i.$":"$.i","s.$":"$.state"},
                           "End":true}}}}}}""";

    private static final String INPUT = "{\"items\":[{\"i\":0},{\"i\":1},{\"i\":2}]}";

    @Test
    void withoutHistory_failingExecution_keepsNoEventsButQuotesTheSameEventId() {
        AtomicInteger heard = new AtomicInteger();
        Engine engine = new Engine((r, in, c) -> in, new VirtualClock()).withListener(new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent e) {
                heard.incrementAndGet();
            }
        });
        StateMachine machine = StateMachine.parse(FAILS_AFTER_MAP);

        ExecutionResult full = engine.run(machine, Fixtures.ARN, "full", json(INPUT));
        int heardWithHistory = heard.getAndSet(0);
        ExecutionResult bare = engine.withoutHistory().run(machine, Fixtures.ARN, "bare", json(INPUT));

        assertThat(full.status()).isEqualTo(ExecutionResult.Status.FAILED);
        long entered = full.history().stream()
                .filter(e -> e.type().equals("PassStateEntered")
                        && e.details()
                                .path("stateEnteredEventDetails")
                                .path("name")
                                .asText()
                                .equals("P"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(full.cause()).contains("(entered at the event id #" + entered + ")");
        assertThat(heardWithHistory).isEqualTo(full.history().size());
        assertThat(bare.history()).isEmpty();
        assertThat(heard).hasValue(0);
        assertThat(bare.status()).isEqualTo(full.status());
        assertThat(bare.error()).isEqualTo(full.error());
        assertThat(bare.cause()).isEqualTo(full.cause());
    }

    @Test
    void withoutHistory_contextObjectReads_giveTheSameOutput() {
        Engine engine = new Engine((r, in, c) -> in, new VirtualClock());
        StateMachine machine = StateMachine.parse(SUCCEEDS);

        ExecutionResult full = engine.run(machine, Fixtures.ARN, "full", json(INPUT));
        ExecutionResult bare = engine.withoutHistory().run(machine, Fixtures.ARN, "bare", json(INPUT));

        assertThat(full.output())
                .isEqualTo(json("[{\"at\":\"Touch\",\"i\":0,\"s\":\"Fan\"},{\"at\":\"Touch\",\"i\":1,\"s\":\"Fan\"},"
                        + "{\"at\":\"Touch\",\"i\":2,\"s\":\"Fan\"}]"));
        assertThat(bare.output()).isEqualTo(full.output());
        assertThat(bare.history()).isEmpty();
    }
}
