package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSONPath state's input/output processing fields. A {@code null} path means the definition set it to JSON null
 * (InputPath/OutputPath give {@code {}}, ResultPath discards the result); an absent field defaults to {@code "$"}.
 * Templates, Assign included, are {@code null} when absent.
 */
public record DataFlow(
        String inputPath,
        JsonNode parameters,
        JsonNode resultSelector,
        String resultPath,
        String outputPath,
        JsonNode assign)
        implements Flow {

    public static final DataFlow IDENTITY = new DataFlow("$", null, null, "$", "$", null);

    DataFlow withoutParameters() {
        return new DataFlow(inputPath, null, resultSelector, resultPath, outputPath, assign);
    }
}
