package dev.reelforge.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code arn:aws:states:::events:putEvents} lands locally: each entry is kept (and logged) as it would
 * reach an EventBridge bus, so tests and {@code reelforge serve} users see the completion events. Thread-safe.
 */
public final class LocalEventBus {
    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    private final List<JsonNode> entries = new ArrayList<>();

    synchronized void publish(JsonNode entry) {
        entries.add(entry.deepCopy());
        log.info(
                "event {} / {} on bus {}",
                entry.path("Source").asText(),
                entry.path("DetailType").asText(),
                entry.path("EventBusName").asText("default"));
    }

    /** Every entry published so far, as the PutEvents Entries were written ({@code Detail} as JSON). */
    public synchronized List<JsonNode> entries() {
        return List.copyOf(entries);
    }
}
