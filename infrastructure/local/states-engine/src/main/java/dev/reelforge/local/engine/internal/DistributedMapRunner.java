package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.ExecutionResult.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DISTRIBUTED Map as a Map Run: items stream from the ItemReader (or the input), pass the ItemSelector, are grouped
 * by the ItemBatcher, and each item or batch runs as a child execution with its own history, on at most
 * MaxConcurrency threads (capped at {@value FanOutRunner#MAX_THREADS}). Only the items in flight are held, so
 * memory does not grow with the item count when results go to a ResultWriter. Failed children count against
 * ToleratedFailureCount/Percentage (default 0 %): past it the run stops starting children and fails with
 * States.ExceedToleratedFailureThreshold.
 */
final class DistributedMapRunner {
    private final ExecutionScope scope;

    DistributedMapRunner(ExecutionScope scope) {
        this.scope = scope;
    }

    JsonNode run(State.Map state, JsonNode raw, PathScope context, Trace trace) {
        Distributed distributed = state.distributed();
        JsonNode effective = Io.input(state.io(), raw, context);
        PathScope local = context.withInput(effective);
        Arn parent = Arn.ofStateMachine(scope.stateMachineArn());
        String label = distributed.label() != null ? distributed.label() : state.name();
        String prefix = "arn:" + parent.partition() + ":states:" + parent.region() + ":" + parent.account() + ":";
        String machine = prefix + "stateMachine:" + parent.name() + "/" + label;
        String mapRunArn = prefix + "mapRun:" + parent.name() + "/" + label + ":" + uuid();
        Tolerance tolerance = Tolerance.of(state, effective, raw, context);
        long width = state.maxConcurrency() == null ? 0 : state.maxConcurrency().whole(effective, raw, context, 0);
        int limit = width == 0 ? FanOutRunner.MAX_THREADS : (int) Math.min(width, FanOutRunner.MAX_THREADS);
        MapRunResults results = results(distributed.writer(), raw, local, mapRunArn, machine);
        scope.history.record(trace, "MapStateStarted", null);
        scope.history.record(trace, "MapRunStarted", Json.object().put("mapRunArn", mapRunArn));
        Run run = new Run(state.processor(), machine, results, tolerance, limit);
        try (ItemSource source = items(state, distributed, raw, effective, local)) {
            Batches batches = Batches.of(distributed.batcher(), effective, raw, local);
            while (!run.stopped() && source.hasNext()) {
                scope.checkDeadline(trace);
                long index = run.itemsRead++;
                JsonNode item = FanOutRunner.itemInput(state, raw, local, (int) index, source.next());
                batches.add(item, run::start);
            }
            if (!run.stopped()) {
                batches.flush(run::start);
            }
            run.awaitAll();
        } catch (StatesError e) {
            run.awaitAll();
            results.discard();
            scope.history.record(trace, "MapRunFailed", ExecutionRunner.errorDetails(e.error(), e.cause()));
            scope.history.record(trace, "MapStateFailed", null);
            throw e;
        } catch (RuntimeException e) {
            results.discard();
            throw e;
        }
        StatesError failure = run.failure();
        JsonNode result;
        try {
            result = results.finish(failure != null);
        } catch (StatesError e) {
            failure = failure != null ? failure : e;
            result = null;
        }
        if (failure != null) {
            scope.history.record(trace, "MapRunFailed", ExecutionRunner.errorDetails(failure.error(), failure.cause()));
            scope.history.record(trace, "MapStateFailed", null);
            throw failure;
        }
        scope.history.record(trace, "MapRunSucceeded", null);
        scope.history.record(trace, "MapStateSucceeded", null);
        return Io.output(state.io(), raw, effective, result, context);
    }

    private ItemSource items(
            State.Map state, Distributed distributed, JsonNode raw, JsonNode effective, PathScope local) {
        Distributed.Reader reader = distributed.reader();
        if (reader == null) {
            return ItemSource.of(FanOutRunner.items(state, raw, effective, local));
        }
        JsonNode arguments = reader.arguments() != null
                ? reader.arguments().evaluate(JsonataBindings.ofInput(raw, local), "ItemReader")
                : reader.parameters() != null
                        ? PayloadTemplate.evaluate(reader.parameters(), local, "ItemReader")
                        : Json.object();
        long max = reader.maxItems() == null ? 0 : reader.maxItems().whole(effective, raw, local, 0);
        ItemSource source = S3ItemSources.open(reader, arguments, scope.settings.objects());
        return max == 0 ? source : source.limit(max);
    }

    private MapRunResults results(
            Distributed.Writer writer, JsonNode raw, PathScope local, String mapRunArn, String machine) {
        if (writer == null || !writer.toS3()) {
            return new MapRunResults.InState(writer == null ? "COMPACT" : writer.transformation(), machine);
        }
        JsonNode arguments = writer.arguments() != null
                ? writer.arguments().evaluate(JsonataBindings.ofInput(raw, local), "ResultWriter")
                : PayloadTemplate.evaluate(writer.parameters(), local, "ResultWriter");
        return new MapRunResults.ToS3(scope.settings.objects(), arguments, writer, mapRunArn, machine);
    }

    private String uuid() {
        return new UUID(
                        scope.settings.random().nextLong(),
                        scope.settings.random().nextLong())
                .toString();
    }

    /** ToleratedFailureCount and Percentage as evaluated; with neither, no failure is tolerated. */
    record Tolerance(Long count, Double percentage) {
        static Tolerance of(State.Map state, JsonNode effective, JsonNode raw, PathScope context) {
            Long count = state.toleratedFailureCount() == null
                    ? null
                    : state.toleratedFailureCount().whole(effective, raw, context, 0);
            Double percentage = state.toleratedFailurePercentage() == null
                    ? null
                    : state.toleratedFailurePercentage().bounded(effective, raw, context, 100);
            return count == null && percentage == null ? new Tolerance(null, 0.0) : new Tolerance(count, percentage);
        }

        /** Exceeded already, whatever items are still to come (the total is not known while items stream). */
        boolean exceededEarly(long failed) {
            return (count != null && failed > count) || (percentage != null && percentage == 0 && failed > 0);
        }

        boolean exceeded(long failed, long total) {
            return (count != null && failed > count)
                    || (percentage != null && total > 0 && failed * 100.0 / total > percentage);
        }
    }

    /** The children of one Map Run: started under a semaphore, counted, their results handed on. */
    private final class Run {
        private final StateGraph processor;
        private final String machine;
        private final MapRunResults results;
        private final Tolerance tolerance;
        private final int limit;
        private final Semaphore slots;
        private final AtomicLong failedItems = new AtomicLong();
        private long itemsRead;
        private long children;
        private volatile boolean stop;
        private volatile RuntimeException fatal;

        Run(StateGraph processor, String machine, MapRunResults results, Tolerance tolerance, int limit) {
            this.processor = processor;
            this.machine = machine;
            this.results = results;
            this.tolerance = tolerance;
            this.limit = limit;
            this.slots = new Semaphore(limit);
        }

        boolean stopped() {
            return stop;
        }

        void start(JsonNode input, int itemCount) {
            acquire(1);
            long index = children++;
            String name = uuid();
            String executionArn = machine.replace(":stateMachine:", ":execution:") + ":" + name;
            try {
                scope.settings.pool().submit(() -> child(index, executionArn, input, itemCount));
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
        }

        private void child(long index, String executionArn, JsonNode input, int itemCount) {
            try {
                ExecutionResult result = new ExecutionRunner(
                                scope.settings.withListener(new ExecutionListener() {}),
                                processor,
                                machine,
                                executionArn.substring(executionArn.lastIndexOf(':') + 1))
                        .run(input);
                results.accept(index, result, input);
                if (result.status() != Status.SUCCEEDED && tolerance.exceededEarly(failedItems.addAndGet(itemCount))) {
                    stop = true;
                }
            } catch (RuntimeException e) {
                fatal = e;
                stop = true;
            } finally {
                slots.release();
            }
        }

        void awaitAll() {
            acquire(limit);
            slots.release(limit);
            if (fatal != null) {
                throw fatal;
            }
        }

        StatesError failure() {
            long failed = failedItems.get();
            if (!tolerance.exceeded(failed, itemsRead)) {
                return null;
            }
            return new StatesError(
                    StatesError.EXCEED_TOLERATED_FAILURE,
                    "The specified tolerated failure threshold was exceeded: " + failed + " of " + itemsRead
                            + " items failed");
        }

        private void acquire(int permits) {
            try {
                slots.acquire(permits);
            } catch (InterruptedException e) {
                stop = true;
                Thread.currentThread().interrupt();
                throw ExecutionScope.aborted();
            }
        }
    }

    /** Groups selected items into child inputs per the ItemBatcher; without one each item is its own input. */
    private static final class Batches {
        private final long maxItems;
        private final long maxBytes;
        private final JsonNode batchInput;
        private final boolean batching;
        private List<JsonNode> items = new ArrayList<>();
        private long bytes;

        private Batches(long maxItems, long maxBytes, JsonNode batchInput, boolean batching) {
            this.maxItems = maxItems;
            this.maxBytes = maxBytes;
            this.batchInput = batchInput;
            this.batching = batching;
        }

        static Batches of(Distributed.Batcher batcher, JsonNode effective, JsonNode raw, PathScope local) {
            if (batcher == null) {
                return new Batches(1, Long.MAX_VALUE, null, false);
            }
            long items = batcher.maxItems() == null ? 0 : batcher.maxItems().whole(effective, raw, local, 0);
            long bytes = batcher.maxBytes() == null ? 0 : batcher.maxBytes().whole(effective, raw, local, 0);
            JsonNode batchInput = batcher.jsonataBatchInput() != null
                    ? batcher.jsonataBatchInput().evaluate(JsonataBindings.ofInput(raw, local), "BatchInput")
                    : batcher.batchInput() != null
                            ? PayloadTemplate.evaluate(batcher.batchInput(), local, "BatchInput")
                            : null;
            return new Batches(
                    items == 0 ? Long.MAX_VALUE : items,
                    bytes == 0 ? Json.MAX_PAYLOAD_BYTES : Math.min(bytes, Json.MAX_PAYLOAD_BYTES),
                    batchInput,
                    true);
        }

        interface Start {
            void start(JsonNode input, int itemCount);
        }

        void add(JsonNode item, Start start) {
            if (!batching) {
                start.start(item, 1);
                return;
            }
            long size = Json.write(item).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!items.isEmpty() && (items.size() >= maxItems || envelope() + bytes + size > maxBytes)) {
                flush(start);
            }
            items.add(item);
            bytes += size;
        }

        void flush(Start start) {
            if (items.isEmpty()) {
                return;
            }
            ObjectNode input = Json.object();
            if (batchInput != null) {
                input.set("BatchInput", batchInput);
            }
            input.putArray("Items").addAll(items);
            int count = items.size();
            items = new ArrayList<>();
            bytes = 0;
            start.start(input, count);
        }

        private long envelope() {
            return batchInput == null ? 11 : 25 + Json.write(batchInput).length();
        }
    }
}
