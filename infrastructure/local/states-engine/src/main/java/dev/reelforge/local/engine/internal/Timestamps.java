package dev.reelforge.local.engine.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC3339 timestamp handling for Wait and Timestamp* comparisons; an uppercase T and zone are required. */
final class Timestamps {
    private Timestamps() {}

    static Optional<Instant> parse(String text) {
        if (text == null || text.indexOf('T') < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
