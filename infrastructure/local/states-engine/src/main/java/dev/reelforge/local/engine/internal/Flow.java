package dev.reelforge.local.engine.internal;

/**
 * How a state turns its input into arguments, and its result into output and variables: {@link DataFlow} for
 * JSONPath states (InputPath, Parameters, ResultSelector, ResultPath, OutputPath, Assign), {@link JsonataFlow} for
 * JSONata states (Arguments, Output, Assign).
 */
public sealed interface Flow permits DataFlow, JsonataFlow {}
