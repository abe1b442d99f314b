package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses ProcessorConfig and a DISTRIBUTED Map's ItemReader, ItemBatcher, ResultWriter and Label. What AWS accepts
 * but the engine does not run (PARQUET, ItemsPointer, an Athena manifest) is refused, naming the field.
 */
final class DistributedMapParser {
    private static final Set<String> READER_CONFIG = Set.of(
            "InputType",
            "CSVHeaderLocation",
            "CSVHeaders",
            "CSVDelimiter",
            "MaxItems",
            "MaxItemsPath",
            "ManifestType",
            "ItemsPointer");
    private static final Map<String, Character> DELIMITERS =
            Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';', "SPACE", ' ', "TAB", '\t');
    private static final List<String> DISTRIBUTED_ONLY = List.of("ItemReader", "ItemBatcher", "ResultWriter", "Label");

    private final DefinitionParser p;
    private final QueryLanguage language;

    DistributedMapParser(DefinitionParser p, QueryLanguage language) {
        this.p = p;
        this.language = language;
    }

    /** The distributed settings, or {@code null} for an INLINE Map (which must not use them). */
    Distributed parse(JsonNode node, JsonNode processorNode, String at, String processorAt) {
        JsonNode config = processorNode.path("ProcessorConfig");
        String mode = config.path("Mode").asText("INLINE");
        if (!mode.equals("DISTRIBUTED")) {
            if (!mode.equals("INLINE")) {
                schema("'Mode' must be INLINE or DISTRIBUTED", processorAt + "/ProcessorConfig/Mode");
            }
            for (String field : DISTRIBUTED_ONLY) {
                if (node.has(field)) {
                    schema("'" + field + "' is only allowed in a DISTRIBUTED Map", at + "/" + field);
                }
            }
            return null;
        }
        String type = config.path("ExecutionType").asText("");
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            schema(
                    "A DISTRIBUTED Map needs 'ExecutionType' STANDARD or EXPRESS",
                    processorAt + "/ProcessorConfig/ExecutionType");
        }
        String label = p.optionalText(node, "Label", at);
        if (label != null && (label.length() > 40 || !label.matches("[A-Za-z0-9_-]+"))) {
            schema("'Label' must be up to 40 letters, digits, '-' or '_'", at + "/Label");
        }
        Distributed.Reader reader = node.has("ItemReader") ? reader(node.get("ItemReader"), at + "/ItemReader") : null;
        if (reader != null) {
            for (String field : List.of("ItemsPath", "Items")) {
                if (node.has(field)) {
                    p.unsupported("'" + field + "' together with an ItemReader is not run locally", at + "/" + field);
                }
            }
        }
        Distributed.Batcher batcher =
                node.has("ItemBatcher") ? batcher(node.get("ItemBatcher"), at + "/ItemBatcher") : null;
        Distributed.Writer writer =
                node.has("ResultWriter") ? writer(node.get("ResultWriter"), at + "/ResultWriter") : null;
        return new Distributed(type, label, reader, batcher, writer);
    }

    private Distributed.Reader reader(JsonNode node, String at) {
        String resource = p.requiredText(node, "Resource", at);
        if (resource != null
                && !resource.equals(Distributed.GET_OBJECT)
                && !resource.equals(Distributed.LIST_OBJECTS)) {
            p.unsupported(
                    "An ItemReader Resource other than s3:getObject or s3:listObjectsV2 is not run locally",
                    at + "/Resource");
        }
        JsonNode config = node.path("ReaderConfig");
        String configAt = at + "/ReaderConfig";
        config.fieldNames().forEachRemaining(field -> {
            if (!READER_CONFIG.contains(field)) {
                schema("The field '" + field + "' is not supported in ReaderConfig", configAt + "/" + field);
            }
        });
        if (config.has("ItemsPointer")) {
            p.unsupported("'ItemsPointer' is not run by the local engine", configAt + "/ItemsPointer");
        }
        String inputType = config.path("InputType").asText(null);
        boolean getObject = Distributed.GET_OBJECT.equals(resource);
        if (getObject && inputType == null) {
            schema("An s3:getObject ItemReader needs ReaderConfig 'InputType'", configAt);
        } else if (inputType != null && inputType.equals("PARQUET")) {
            p.unsupported("InputType PARQUET is not run by the local engine", configAt + "/InputType");
        } else if (inputType != null
                && !Set.of("JSON", "JSONL", "CSV", "MANIFEST").contains(inputType)) {
            schema("'InputType' must be CSV, JSON, JSONL, MANIFEST or PARQUET", configAt + "/InputType");
        }
        String manifestType = config.path("ManifestType").asText("S3_INVENTORY");
        if (!manifestType.equals("S3_INVENTORY")) {
            p.unsupported(
                    "ManifestType " + manifestType + " is not run by the local engine", configAt + "/ManifestType");
        }
        String location = config.path("CSVHeaderLocation").asText("FIRST_ROW");
        List<String> headers = new ArrayList<>();
        config.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
        if (!location.equals("FIRST_ROW") && !location.equals("GIVEN")) {
            schema("'CSVHeaderLocation' must be FIRST_ROW or GIVEN", configAt + "/CSVHeaderLocation");
        } else if (location.equals("GIVEN") && headers.isEmpty()) {
            schema("CSVHeaderLocation GIVEN needs a non-empty 'CSVHeaders' array", configAt + "/CSVHeaders");
        }
        Character delimiter = DELIMITERS.get(config.path("CSVDelimiter").asText("COMMA"));
        if (delimiter == null) {
            schema("'CSVDelimiter' must be COMMA, PIPE, SEMICOLON, SPACE or TAB", configAt + "/CSVDelimiter");
            delimiter = ',';
        }
        NumberField maxItems = p.numberField(config, "MaxItems", configAt, language);
        return new Distributed.Reader(
                resource == null ? Distributed.GET_OBJECT : resource,
                language == QueryLanguage.JSONPATH ? p.template(node, "Parameters", at) : null,
                language == QueryLanguage.JSONATA ? p.flows().jsonata(node, "Arguments", at) : null,
                inputType,
                location.equals("FIRST_ROW"),
                headers,
                delimiter,
                maxItems);
    }

    private Distributed.Batcher batcher(JsonNode node, String at) {
        NumberField items = p.numberField(node, "MaxItemsPerBatch", at, language);
        NumberField bytes = p.numberField(node, "MaxInputBytesPerBatch", at, language);
        if (items == null && bytes == null) {
            schema("An ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch", at);
        }
        return new Distributed.Batcher(
                items,
                bytes,
                language == QueryLanguage.JSONPATH ? p.template(node, "BatchInput", at) : null,
                language == QueryLanguage.JSONATA ? p.flows().jsonata(node, "BatchInput", at) : null);
    }

    private Distributed.Writer writer(JsonNode node, String at) {
        String resource = p.optionalText(node, "Resource", at);
        String argumentsField = language == QueryLanguage.JSONATA ? "Arguments" : "Parameters";
        if (resource != null && !resource.equals(Distributed.PUT_OBJECT)) {
            p.unsupported("A ResultWriter Resource other than s3:putObject is not run locally", at + "/Resource");
        }
        if ((resource == null) != !node.has(argumentsField)) {
            schema("A ResultWriter needs both 'Resource' and '" + argumentsField + "', or neither", at);
        }
        JsonNode config = node.path("WriterConfig");
        if (resource == null && config.isMissingNode()) {
            schema("A ResultWriter needs 'Resource' and '" + argumentsField + "', 'WriterConfig', or all three", at);
        }
        String transformation = config.path("Transformation").asText(resource == null ? "COMPACT" : "NONE");
        if (!Set.of("NONE", "COMPACT", "FLATTEN").contains(transformation)) {
            schema("'Transformation' must be NONE, COMPACT or FLATTEN", at + "/WriterConfig/Transformation");
        }
        String outputType = config.path("OutputType").asText("JSON");
        if (!outputType.equals("JSON") && !outputType.equals("JSONL")) {
            schema("'OutputType' must be JSON or JSONL", at + "/WriterConfig/OutputType");
        }
        return new Distributed.Writer(
                language == QueryLanguage.JSONPATH ? p.template(node, "Parameters", at) : null,
                language == QueryLanguage.JSONATA ? p.flows().jsonata(node, "Arguments", at) : null,
                transformation,
                outputType);
    }

    private void schema(String message, String at) {
        p.problem("SCHEMA_VALIDATION_FAILED", message, at);
    }
}
