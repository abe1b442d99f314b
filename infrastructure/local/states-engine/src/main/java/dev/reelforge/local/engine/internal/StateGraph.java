package dev.reelforge.local.engine.internal;

import java.util.Map;

/** A top-level machine, Parallel branch or Map processor: a start state and its states. */
public record StateGraph(String startAt, Map<String, State> states, Integer timeoutSeconds) {
    public StateGraph {
        states = Map.copyOf(states);
    }
}
