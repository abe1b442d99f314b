package dev.reelforge.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One entry of an execution history, shaped like an element of GetExecutionHistory's
 * {@code events} so tooling written against AWS reads it unchanged.
 *
 * @param type e.g. {@code TaskStateEntered}
 * @param details an object with the single AWS details field for the type, e.g.
 *     {@code {"stateEnteredEventDetails":{"name":"X","input":"{...}"}}}; as in AWS, inputs and
 *     outputs are JSON documents serialized to strings. Empty for types without details.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {}
