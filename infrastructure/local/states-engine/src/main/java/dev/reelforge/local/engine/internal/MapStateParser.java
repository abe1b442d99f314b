package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Map-specific fields: ItemProcessor (or legacy Iterator), the items (ItemsPath in JSONPath, Items in JSONata), the
 * ItemSelector (or legacy Parameters), MaxConcurrency and the tolerated failures; a DISTRIBUTED Map's own fields are
 * {@link DistributedMapParser}'s.
 */
final class MapStateParser {
    private MapStateParser() {}

    static State.Map parse(
            DefinitionParser p,
            String name,
            String next,
            Flow io,
            JsonNode node,
            String at,
            ErrorHandling errors,
            QueryLanguage language) {
        JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        String processorField = node.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator";
        StateGraph processor;
        Distributed distributed = null;
        if (processorNode == null) {
            p.problem("SCHEMA_VALIDATION_FAILED", "Map states need 'ItemProcessor' (or legacy 'Iterator')", at);
            processor = null;
        } else {
            distributed = new DistributedMapParser(p, language).parse(node, processorNode, at, at + processorField);
            processor = p.graph(processorNode, at + processorField);
        }
        NumberField maxConcurrency = p.numberField(node, "MaxConcurrency", at, language);
        NumberField percentage = p.numberField(node, "ToleratedFailurePercentage", at, language);
        NumberField count = p.numberField(node, "ToleratedFailureCount", at, language);
        checkLiteral(p, maxConcurrency, true, Double.MAX_VALUE, at);
        checkLiteral(p, percentage, false, 100, at);
        checkLiteral(p, count, true, Double.MAX_VALUE, at);
        if (language == QueryLanguage.JSONATA) {
            JsonNode itemsNode = node.get("Items");
            if (itemsNode != null
                    && !itemsNode.isArray()
                    && JsonataExpression.body(itemsNode).isEmpty()) {
                p.problem(
                        "SCHEMA_VALIDATION_FAILED", "'Items' must be an array or a JSONata expression", at + "/Items");
            }
            return new State.Map(
                    name,
                    next,
                    io,
                    null,
                    p.flows().jsonata(node, "Items", at),
                    null,
                    p.flows().jsonata(node, "ItemSelector", at),
                    processor,
                    maxConcurrency,
                    percentage,
                    count,
                    errors,
                    distributed);
        }
        DataFlow dataFlow = (DataFlow) io;
        JsonNode selector = node.has("ItemSelector") ? p.template(node, "ItemSelector", at) : dataFlow.parameters();
        String itemsPath = p.pathField(node, "ItemsPath", at);
        return new State.Map(
                name,
                next,
                dataFlow.withoutParameters(),
                itemsPath == null ? "$" : itemsPath,
                null,
                selector,
                null,
                processor,
                maxConcurrency,
                percentage,
                count,
                errors,
                distributed);
    }

    private static void checkLiteral(DefinitionParser p, NumberField field, boolean whole, double max, String at) {
        if (field instanceof NumberField.Literal literal && literal.number().isNumber()) {
            JsonNode number = literal.number();
            if ((whole && !number.canConvertToExactIntegral()) || number.asDouble() < 0 || number.asDouble() > max) {
                p.problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "'" + field.field() + "' must be " + (whole ? "an integer" : "a number") + " from 0"
                                + (max < Double.MAX_VALUE ? " to " + (long) max : ""),
                        at + "/" + field.field());
            }
        }
    }
}
