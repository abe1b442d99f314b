package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A DISTRIBUTED Map's own settings: child executions of {@code executionType} labelled {@code label}, items from an
 * optional {@link Reader}, grouped by an optional {@link Batcher}, results exported by an optional {@link Writer}.
 * JSONPath states carry {@code parameters} templates, JSONata states {@code arguments}; the other is {@code null}.
 */
record Distributed(String executionType, String label, Reader reader, Batcher batcher, Writer writer) {
    static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";

    /**
     * @param inputType JSON, JSONL, CSV or MANIFEST for getObject; {@code null} for listObjectsV2
     * @param headers the CSVHeaders when {@code headerInFirstRow} is false
     * @param maxItems ReaderConfig MaxItems or MaxItemsPath, {@code null} for all items
     */
    record Reader(
            String resource,
            JsonNode parameters,
            JsonataTemplate arguments,
            String inputType,
            boolean headerInFirstRow,
            List<String> headers,
            char delimiter,
            NumberField maxItems) {
        boolean listsObjects() {
            return resource.equals(LIST_OBJECTS);
        }
    }

    /** @param maxItems MaxItemsPerBatch(Path), {@code null} for no count limit (likewise {@code maxBytes}) */
    record Batcher(
            NumberField maxItems, NumberField maxBytes, JsonNode batchInput, JsonataTemplate jsonataBatchInput) {}

    /**
     * @param transformation NONE, COMPACT or FLATTEN
     * @param outputType JSON or JSONL (the result files' format)
     */
    record Writer(JsonNode parameters, JsonataTemplate arguments, String transformation, String outputType) {
        boolean toS3() {
            return parameters != null || arguments != null;
        }
    }
}
