package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Map-specific fields: ItemProcessor (or legacy Iterator), the items (ItemsPath in JSONPath, Items in JSONata), the
 * ItemSelector (or legacy Parameters), MaxConcurrency and the tolerated failures.
 */
final class MapStateParser {
    private MapStateParser() {}

    static State.Map parse(DefinitionParser p, String name, String next, Flow io, JsonNode node, String at,
            ErrorHandling errors, QueryLanguage language) {
        JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        String processorField = node.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator";
        StateGraph processor;
        if (processorNode == null) {
            p.problem("SCHEMA_VALIDATION_FAILED", "Map states need 'ItemProcessor' (or legacy 'Iterator')", at);
            processor = null;
        } else {
            String mode = processorNode.path("ProcessorConfig").path("Mode").asText("INLINE");
            if (mode.equals("DISTRIBUTED")) {
                p.unsupported("A DISTRIBUTED Map ('ProcessorConfig.Mode') is not run by the local engine", at + processorField + "/ProcessorConfig/Mode");
            } else if (!mode.equals("INLINE")) {
                p.problem("SCHEMA_VALIDATION_FAILED", "'Mode' must be INLINE or DISTRIBUTED", at + processorField + "/ProcessorConfig/Mode");
            }
            processor = p.graph(processorNode, at + processorField);
        }
        if (language == QueryLanguage.JSONATA) {
            for (String field : List.of("MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount")) {
                if (JsonataExpression.body(node.get(field)).isPresent()) {
                    p.unsupported("A JSONata expression in '" + field + "' is not run by the local engine", at + "/" + field);
                }
            }
        }
        int maxConcurrency = node.path("MaxConcurrency").asInt(0);
        if (maxConcurrency < 0) {
            p.problem("SCHEMA_VALIDATION_FAILED", "'MaxConcurrency' must be >= 0", at + "/MaxConcurrency");
        }
        String maxConcurrencyPath = p.readPathField(node, "MaxConcurrencyPath", at);
        if (maxConcurrencyPath != null && node.has("MaxConcurrency")) {
            p.problem("SCHEMA_VALIDATION_FAILED", "'MaxConcurrency' and 'MaxConcurrencyPath' are mutually exclusive", at);
        }
        Double percentage = node.has("ToleratedFailurePercentage") ? node.get("ToleratedFailurePercentage").asDouble() : null;
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            p.problem("SCHEMA_VALIDATION_FAILED", "'ToleratedFailurePercentage' must be within 0..100", at);
        }
        Integer count = node.has("ToleratedFailureCount") ? node.get("ToleratedFailureCount").asInt() : null;
        if (language == QueryLanguage.JSONATA) {
            JsonNode itemsNode = node.get("Items");
            if (itemsNode != null && !itemsNode.isArray() && JsonataExpression.body(itemsNode).isEmpty()) {
                p.problem("SCHEMA_VALIDATION_FAILED", "'Items' must be an array or a JSONata expression", at + "/Items");
            }
            return new State.Map(name, next, io, null, p.flows().jsonata(node, "Items", at), null,
                    p.flows().jsonata(node, "ItemSelector", at), processor, maxConcurrency, null, percentage, count, errors);
        }
        DataFlow dataFlow = (DataFlow) io;
        JsonNode selector = node.has("ItemSelector") ? p.template(node, "ItemSelector", at) : dataFlow.parameters();
        String itemsPath = p.pathField(node, "ItemsPath", at);
        return new State.Map(name, next, dataFlow.withoutParameters(), itemsPath == null ? "$" : itemsPath, null, selector,
                null, processor, maxConcurrency, maxConcurrencyPath, percentage, count, errors);
    }
}
