package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses and validates Choice rules: JSONPath data tests with nested And/Or/Not, or JSONata Conditions. */
final class ChoiceParser {
    private final DefinitionParser owner;

    ChoiceParser(DefinitionParser owner) {
        this.owner = owner;
    }

    List<ChoiceRule.Branch> branches(JsonNode node, String at, QueryLanguage language) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "'Choices' must be a non-empty array", at);
            return List.of();
        }
        List<ChoiceRule.Branch> branches = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String where = at + "/Choices/" + i;
            JsonNode choice = choices.get(i);
            String next = owner.requiredText(choice, "Next", where);
            Flow flow = choice.has("Assign") || choice.has("Output")
                    ? owner.flows().nestedFlow(choice, where, language, false)
                    : null;
            Optional<ChoiceRule> rule =
                    language == QueryLanguage.JSONATA ? condition(choice, where) : rule(choice, where);
            rule.ifPresent(r -> branches.add(new ChoiceRule.Branch(r, next, flow)));
        }
        return branches;
    }

    private Optional<ChoiceRule> condition(JsonNode node, String at) {
        if (!node.isObject()) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "A choice rule must be an object", at);
            return Optional.empty();
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!List.of("Condition", "Next", "Assign", "Output", "Comment").contains(field)) {
                owner.problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "The field '" + field + "' is not supported in a JSONata choice rule; use Condition",
                        at + "/" + field);
            }
        });
        JsonNode condition = node.get("Condition");
        boolean valid = condition != null
                && (condition.isBoolean() || JsonataExpression.body(condition).isPresent());
        if (!valid) {
            owner.problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "'Condition' must be a boolean or a JSONata expression",
                    at + "/Condition");
            return Optional.empty();
        }
        return Optional.of(new ChoiceRule.Condition(owner.flows().jsonata(node, "Condition", at)));
    }

    private Optional<ChoiceRule> rule(JsonNode node, String at) {
        if (!node.isObject()) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "A choice rule must be an object", at);
            return Optional.empty();
        }
        for (String combinator : List.of("And", "Or")) {
            if (node.has(combinator)) {
                JsonNode list = node.get(combinator);
                if (!list.isArray() || list.isEmpty()) {
                    owner.problem("SCHEMA_VALIDATION_FAILED", "'" + combinator + "' must be a non-empty array", at);
                    return Optional.empty();
                }
                List<ChoiceRule> rules = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode child = list.get(i);
                    if (child.has("Next")) {
                        owner.problem(
                                "SCHEMA_VALIDATION_FAILED",
                                "Nested choice rules must not have 'Next'",
                                at + "/" + combinator + "/" + i);
                    }
                    rule(child, at + "/" + combinator + "/" + i).ifPresent(rules::add);
                }
                return Optional.of(combinator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules));
            }
        }
        if (node.has("Not")) {
            return rule(node.get("Not"), at + "/Not").map(ChoiceRule.Not::new);
        }
        return comparison(node, at);
    }

    private Optional<ChoiceRule> comparison(JsonNode node, String at) {
        String variable = owner.requiredText(node, "Variable", at);
        List<ComparisonOperator> operators = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> ComparisonOperator.byName(f).ifPresent(operators::add));
        if (operators.size() != 1) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "A choice rule needs exactly one comparison operator", at);
            return Optional.empty();
        }
        ComparisonOperator op = operators.get(0);
        JsonNode operand = node.get(op.name());
        String where = at + "/" + op.name();
        if (node.has("Condition") || node.has("Output")) {
            owner.problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "'Condition' and 'Output' in a choice rule require \"QueryLanguage\": \"JSONata\"",
                    at);
        }
        if (variable != null) {
            PathSyntax.syntaxError(variable)
                    .ifPresent(m -> owner.problem(
                            "INVALID_JSON_PATH", "Invalid JSON path '" + variable + "'", at + "/Variable"));
        }
        if (op.path()) {
            if (!operand.isTextual() || !operand.textValue().startsWith("$")) {
                owner.problem("SCHEMA_VALIDATION_FAILED", "'" + op.name() + "' must be a JSONPath", where);
            }
        } else if (!operandFits(op, operand)) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "Invalid operand for '" + op.name() + "'", where);
        }
        return Optional.of(new ChoiceRule.Comparison(variable, op, operand == null ? TextNode.valueOf("") : operand));
    }

    private static boolean operandFits(ComparisonOperator op, JsonNode operand) {
        return switch (op.kind()) {
            case STRING -> operand.isTextual();
            case NUMERIC -> operand.isNumber();
            case BOOLEAN, TYPE_TEST -> operand.isBoolean();
            case TIMESTAMP ->
                operand.isTextual() && Timestamps.parse(operand.textValue()).isPresent();
        };
    }
}
