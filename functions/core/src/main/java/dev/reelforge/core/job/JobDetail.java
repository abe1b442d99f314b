package dev.reelforge.core.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Edits the job record's JSON detail document: warnings, every attempt with its scores and verdict, the cost.
 * Each edit returns the new document text, so it composes with {@code JobStore.update}'s retry loop.
 */
public final class JobDetail {
    private final ObjectMapper json;

    public JobDetail(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode read(JobRecord record) {
        try {
            JsonNode node = json.readTree(record.detail());
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    public String write(ObjectNode detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the attempt with the same number in {@code attempts}. */
    public String putAttempt(JobRecord record, int attempt, Object attemptDocument) {
        ObjectNode detail = read(record);
        ArrayNode attempts = detail.withArray("attempts");
        ObjectNode entry = json.valueToTree(attemptDocument);
        entry.put("attempt", attempt);
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).path("attempt").asInt() == attempt) {
                ObjectNode merged = (ObjectNode) attempts.get(i);
                merged.setAll(entry);
                return write(detail);
            }
        }
        attempts.add(entry);
        return write(detail);
    }

    /** Appends each warning to {@code warnings} unless it is already there (a retried state adds nothing twice). */
    public String addWarnings(JobRecord record, List<String> warnings) {
        ObjectNode detail = read(record);
        ArrayNode list = detail.withArray("warnings");
        Set<String> present = new HashSet<>();
        list.forEach(existing -> present.add(existing.asText()));
        for (String warning : warnings) {
            if (present.add(warning)) {
                list.add(warning);
            }
        }
        return write(detail);
    }

    public String put(JobRecord record, String field, Object value) {
        ObjectNode detail = read(record);
        detail.set(field, json.valueToTree(value));
        return write(detail);
    }
}
