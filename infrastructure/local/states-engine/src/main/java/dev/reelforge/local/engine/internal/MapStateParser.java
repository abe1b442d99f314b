package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Map-specific fields, accepting both ItemProcessor/ItemSelector and legacy Iterator/Parameters. */
final class MapStateParser {
    private MapStateParser() {}

    static State.Map parse(DefinitionParser p, String name, String next, DataFlow io, JsonNode node, String at,
            ErrorHandling errors) {
        JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        String processorField = node.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator";
        StateGraph processor;
        if (processorNode == null) {
            p.problem("SCHEMA_VALIDATION_FAILED", "Map states need 'ItemProcessor' (or legacy 'Iterator')", at);
            processor = null;
        } else {
            String mode = processorNode.path("ProcessorConfig").path("Mode").asText("INLINE");
            if (!mode.equals("INLINE")) {
                p.problem("SCHEMA_VALIDATION_FAILED", "Only INLINE Map processing is supported locally", at + processorField);
            }
            processor = p.graph(processorNode, at + processorField);
        }
        JsonNode selector = node.has("ItemSelector") ? p.template(node, "ItemSelector", at) : io.parameters();
        DataFlow flow = new DataFlow(io.inputPath(), null, io.resultSelector(), io.resultPath(), io.outputPath());
        int maxConcurrency = node.path("MaxConcurrency").asInt(0);
        if (maxConcurrency < 0) {
            p.problem("SCHEMA_VALIDATION_FAILED", "'MaxConcurrency' must be >= 0", at + "/MaxConcurrency");
        }
        String maxConcurrencyPath = node.has("MaxConcurrencyPath") ? p.pathField(node, "MaxConcurrencyPath", at) : null;
        if (maxConcurrencyPath != null && node.has("MaxConcurrency")) {
            p.problem("SCHEMA_VALIDATION_FAILED", "'MaxConcurrency' and 'MaxConcurrencyPath' are mutually exclusive", at);
        }
        Double percentage = node.has("ToleratedFailurePercentage") ? node.get("ToleratedFailurePercentage").asDouble() : null;
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            p.problem("SCHEMA_VALIDATION_FAILED", "'ToleratedFailurePercentage' must be within 0..100", at);
        }
        Integer count = node.has("ToleratedFailureCount") ? node.get("ToleratedFailureCount").asInt() : null;
        String itemsPath = p.pathField(node, "ItemsPath", at);
        return new State.Map(name, next, flow, itemsPath == null ? "$" : itemsPath, selector, processor,
                maxConcurrency, maxConcurrencyPath, percentage, count, errors);
    }
}
