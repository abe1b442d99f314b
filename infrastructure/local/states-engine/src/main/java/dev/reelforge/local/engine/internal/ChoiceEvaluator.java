package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates Choice rules. Comparing values of the wrong type is simply false (per the spec); a
 * Variable or *Path operand that selects nothing is a States.Runtime error, except for IsPresent. A JSONata
 * Condition that is not a boolean is a States.QueryEvaluationError.
 */
final class ChoiceEvaluator {
    private ChoiceEvaluator() {}

    /** @param raw the raw state input, {@code $states.input} of a JSONata Condition */
    static boolean matches(ChoiceRule rule, PathScope scope, JsonNode raw) {
        if (rule instanceof ChoiceRule.And and) {
            return and.rules().stream().allMatch(r -> matches(r, scope, raw));
        }
        if (rule instanceof ChoiceRule.Or or) {
            return or.rules().stream().anyMatch(r -> matches(r, scope, raw));
        }
        if (rule instanceof ChoiceRule.Not not) {
            return !matches(not.rule(), scope, raw);
        }
        if (rule instanceof ChoiceRule.Condition condition) {
            JsonNode value = condition.condition().evaluate(JsonataBindings.ofInput(raw, scope), "Condition");
            if (!value.isBoolean()) {
                throw new StatesError(
                        StatesError.QUERY_EVALUATION,
                        "The Condition must evaluate to a boolean, but evaluated to " + Json.write(value));
            }
            return value.booleanValue();
        }
        return compare((ChoiceRule.Comparison) rule, scope);
    }

    private static boolean compare(ChoiceRule.Comparison c, PathScope scope) {
        ComparisonOperator op = c.operator();
        Optional<JsonNode> found = scope.find(c.variable());
        if (op.relation() == ComparisonOperator.Relation.IS_PRESENT) {
            return found.isPresent() == c.operand().asBoolean();
        }
        JsonNode value = found.orElseThrow(() -> invalidPath(c.variable()));
        if (op.kind() == ComparisonOperator.Kind.TYPE_TEST) {
            return typeTest(op.relation(), value) == c.operand().asBoolean();
        }
        JsonNode operand = op.path()
                ? scope.find(c.operand().asText())
                        .orElseThrow(() -> invalidPath(c.operand().asText()))
                : c.operand();
        return switch (op.kind()) {
            case STRING ->
                value.isTextual()
                        && operand.isTextual()
                        && (op.relation() == ComparisonOperator.Relation.MATCHES
                                ? wildcard(operand.textValue())
                                        .matcher(value.textValue())
                                        .matches()
                                : relate(op.relation(), value.textValue().compareTo(operand.textValue())));
            case NUMERIC ->
                value.isNumber()
                        && operand.isNumber()
                        && relate(op.relation(), value.decimalValue().compareTo(operand.decimalValue()));
            case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> timestamps(op.relation(), value, operand);
            case TYPE_TEST -> throw new IllegalStateException("handled above");
        };
    }

    private static boolean timestamps(ComparisonOperator.Relation relation, JsonNode value, JsonNode operand) {
        Optional<Instant> left = value.isTextual() ? Timestamps.parse(value.textValue()) : Optional.empty();
        Optional<Instant> right = operand.isTextual() ? Timestamps.parse(operand.textValue()) : Optional.empty();
        return left.isPresent()
                && right.isPresent()
                && relate(relation, left.get().compareTo(right.get()));
    }

    private static boolean typeTest(ComparisonOperator.Relation relation, JsonNode value) {
        return switch (relation) {
            case IS_NULL -> value.isNull();
            case IS_NUMERIC -> value.isNumber();
            case IS_STRING -> value.isTextual();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP ->
                value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
            default -> throw new IllegalStateException("not a type test: " + relation);
        };
    }

    private static boolean relate(ComparisonOperator.Relation relation, int cmp) {
        return switch (relation) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            case GE -> cmp >= 0;
            default -> throw new IllegalStateException("not an ordering: " + relation);
        };
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literals. */
    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static StatesError invalidPath(String path) {
        return new StatesError(
                StatesError.RUNTIME,
                "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
    }
}
