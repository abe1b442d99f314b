package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parallel and Map states: sub-graphs run on the engine pool and on the calling thread (one worker fewer to hand
 * off to: a MaxConcurrency 1 Map runs on the caller alone), results are collected in branch or item order. Map runs at most MaxConcurrency iterations at once (0 = unbounded, capped at
 * {@value #MAX_THREADS}). The first failing branch cancels its siblings at their next transition.
 */
final class FanOutRunner {
    static final int MAX_THREADS = 40;
    private final ExecutionScope scope;
    private final GraphRunner graphs;

    FanOutRunner(ExecutionScope scope, GraphRunner graphs) {
        this.scope = scope;
        this.graphs = graphs;
    }

    JsonNode parallel(State.Parallel state, JsonNode raw, PathScope context, Variables variables, Trace trace) {
        JsonNode effective = Io.input(state.io(), raw, context);
        JsonNode branchInput = Io.arguments(state.io(), raw, effective, context);
        scope.history.record(trace, "ParallelStateStarted", null);
        List<StateGraph> branches = state.branches();
        Batch batch = new Batch(branches.size(), trace, null, null);
        batch.run(
                branches.size(),
                (index, branchTrace) -> graphs.run(branches.get(index), branchInput, variables.child(), branchTrace));
        if (batch.failure != null) {
            scope.history.record(trace, "ParallelStateFailed", null);
            throw batch.failure;
        }
        scope.history.record(trace, "ParallelStateSucceeded", null);
        return Io.output(state.io(), raw, effective, batch.results(), context);
    }

    JsonNode map(State.Map state, JsonNode raw, PathScope context, Variables variables, Trace trace) {
        if (state.distributed() != null) {
            return new DistributedMapRunner(scope).run(state, raw, context, trace);
        }
        JsonNode effective = Io.input(state.io(), raw, context);
        PathScope local = context.withInput(effective);
        JsonNode items = items(state, raw, effective, context);
        scope.history.record(trace, "MapStateStarted", Json.object().put("length", items.size()));
        long maxConcurrency =
                state.maxConcurrency() == null ? 0 : state.maxConcurrency().whole(effective, raw, context, 0);
        int limit = maxConcurrency == 0 ? MAX_THREADS : (int) Math.min(maxConcurrency, MAX_THREADS);
        Integer toleratedCount = state.toleratedFailureCount() == null
                ? null
                : (int) Math.min(
                        Integer.MAX_VALUE, state.toleratedFailureCount().whole(effective, raw, context, 0));
        Double toleratedPercentage = state.toleratedFailurePercentage() == null
                ? null
                : state.toleratedFailurePercentage().bounded(effective, raw, context, 100);
        Batch batch = new Batch(limit, trace, toleratedCount, toleratedPercentage);
        batch.run(items.size(), (index, itemTrace) -> {
            ObjectNode iteration = scope.history.keeps()
                    ? Json.object().put("name", state.name()).put("index", index)
                    : null;
            scope.history.record(itemTrace, "MapIterationStarted", iteration);
            try {
                JsonNode itemInput = itemInput(state, raw, local, index, items.get(index));
                JsonNode output = graphs.run(state.processor(), itemInput, variables.child(), itemTrace);
                scope.history.record(itemTrace, "MapIterationSucceeded", copy(iteration));
                return output;
            } catch (StatesError e) {
                scope.history.record(itemTrace, "MapIterationFailed", copy(iteration));
                throw e;
            }
        });
        StatesError failure = batch.failure != null ? batch.failure : batch.toleranceExceeded(items.size());
        if (failure != null) {
            scope.history.record(trace, "MapStateFailed", null);
            throw failure;
        }
        scope.history.record(trace, "MapStateSucceeded", null);
        return Io.output(state.io(), raw, effective, batch.results(), context);
    }

    private static ObjectNode copy(ObjectNode details) {
        return details == null ? null : details.deepCopy();
    }

    /** ItemsPath on the effective input (JSONPath); Items, or else the state input (JSONata). Must be an array. */
    static JsonNode items(State.Map state, JsonNode raw, JsonNode effective, PathScope context) {
        JsonNode items;
        String field;
        if (state.io() instanceof JsonataFlow) {
            field = "Items";
            items = state.items() == null ? raw : state.items().evaluate(JsonataBindings.ofInput(raw, context), field);
        } else {
            field = "ItemsPath";
            items = Io.select(state.itemsPath(), effective, context, field);
        }
        if (!items.isArray()) {
            String error = field.equals("Items") ? StatesError.QUERY_EVALUATION : StatesError.RUNTIME;
            throw new StatesError(error, "The " + field + " field must select an array, but got " + Json.write(items));
        }
        return items;
    }

    static JsonNode itemInput(State.Map state, JsonNode raw, PathScope local, int index, JsonNode item) {
        if (state.itemSelector() == null && state.jsonataItemSelector() == null) {
            return item;
        }
        ObjectNode context = Json.object();
        local.context().fields().forEachRemaining(field -> context.set(field.getKey(), field.getValue()));
        context.putObject("Map").putObject("Item").put("Index", index).set("Value", item);
        if (state.jsonataItemSelector() != null) {
            return state.jsonataItemSelector()
                    .evaluate(JsonataBindings.ofInput(raw, local.withContext(context)), "ItemSelector");
        }
        return PayloadTemplate.evaluate(state.itemSelector(), local.withContext(context), "ItemSelector");
    }

    /** Work for one branch or item, given its index and its own trace. */
    @FunctionalInterface
    private interface Unit {
        JsonNode run(int index, Trace trace);
    }

    /** Runs N units on up to {@code width} pool threads and gathers results and the first failure. */
    private final class Batch {
        private final int width;
        private final Trace parent;
        private final Integer toleratedCount;
        private final Double toleratedPercentage;
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final AtomicInteger failures = new AtomicInteger();
        private JsonNode[] results;
        private volatile StatesError failure;
        private volatile RuntimeException stop;

        Batch(int width, Trace parent, Integer toleratedCount, Double toleratedPercentage) {
            this.width = width;
            this.parent = parent;
            this.toleratedCount = toleratedCount;
            this.toleratedPercentage = toleratedPercentage;
        }

        void run(int count, Unit unit) {
            results = new JsonNode[count];
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 1; w < Math.min(width, count); w++) {
                workers.add(scope.settings.pool().submit(() -> work(count, next, unit)));
            }
            if (count > 0) {
                work(count, next, unit);
            }
            try {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } catch (InterruptedException e) {
                cancel.set(true);
                workers.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw ExecutionScope.aborted();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Unexpected failure in a branch", e.getCause());
            }
            if (stop != null) {
                throw stop;
            }
        }

        private void work(int count, AtomicInteger next, Unit unit) {
            int index;
            while (!cancel.get() && (index = next.getAndIncrement()) < count) {
                Trace trace = parent.fork(cancel);
                try {
                    results[index] = unit.run(index, trace);
                } catch (StatesError e) {
                    if (tolerating()) {
                        failures.incrementAndGet();
                        results[index] = Json.object().put("Error", e.error()).put("Cause", e.cause());
                    } else {
                        failOnce(e, null);
                    }
                } catch (ExecutionStop e) {
                    failOnce(null, e);
                } catch (Trace.Cancelled e) {
                    return;
                } catch (RuntimeException e) {
                    failOnce(null, e);
                }
            }
        }

        private synchronized void failOnce(StatesError error, RuntimeException fatal) {
            if (failure == null && stop == null) {
                failure = error;
                stop = fatal;
            }
            cancel.set(true);
        }

        private boolean tolerating() {
            return toleratedCount != null || toleratedPercentage != null;
        }

        StatesError toleranceExceeded(int total) {
            int failed = failures.get();
            boolean overCount = toleratedCount != null && failed > toleratedCount;
            boolean overPercentage =
                    toleratedPercentage != null && total > 0 && failed * 100.0 / total > toleratedPercentage;
            if (overCount || overPercentage) {
                return new StatesError(
                        StatesError.EXCEED_TOLERATED_FAILURE,
                        "The specified tolerated failure threshold was exceeded: " + failed + " of " + total
                                + " iterations failed");
            }
            return null;
        }

        ArrayNode results() {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (JsonNode result : results) {
                array.add(result);
            }
            return array;
        }
    }
}
