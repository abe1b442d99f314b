package dev.reelforge.core.error;

import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8 can carry it. A Java string may hold a lone surrogate (a parser quoting half of an emoji, a message
 * cut through one), which the JSON writers and DynamoDB refuse; it becomes '?' here, so a rejection or failure
 * reason that quotes user input can always be written to the job record and returned.
 */
public final class WellFormedText {
    private WellFormedText() {}

    public static String of(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
