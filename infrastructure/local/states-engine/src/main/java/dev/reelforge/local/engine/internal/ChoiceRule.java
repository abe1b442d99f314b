package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice rule tree: boolean combinators over data-test expressions (JSONPath) or one Condition (JSONata). */
public sealed interface ChoiceRule {
    record And(List<ChoiceRule> rules) implements ChoiceRule {}

    record Or(List<ChoiceRule> rules) implements ChoiceRule {}

    record Not(ChoiceRule rule) implements ChoiceRule {}

    /** @param operand the literal to compare with, or for *Path operators the path as a text node */
    record Comparison(String variable, ComparisonOperator operator, JsonNode operand) implements ChoiceRule {}

    /** A JSONata rule: {@code true}, or an expression that must evaluate to a boolean. */
    record Condition(JsonataTemplate condition) implements ChoiceRule {}

    /**
     * A top-level rule with its transition.
     *
     * @param flow the rule's own Assign (and, in JSONata, Output), or {@code null} when it has neither
     */
    record Branch(ChoiceRule rule, String next, Flow flow) {}
}
