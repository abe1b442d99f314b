package dev.reelforge.local.engine.internal;

/**
 * A JSONata state's Arguments, Output and Assign, each {@code null} when absent: then the arguments are the state
 * input, the output is the result (or the input, for a state without one) and no variable is assigned.
 */
record JsonataFlow(JsonataTemplate arguments, JsonataTemplate output, JsonataTemplate assign) implements Flow {}
