package dev.reelforge.core.review;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the workflow does after scoring an attempt; the state machine's Choice switches on {@link #wireName()}. */
public enum Verdict {
    /** No round reviewed yet: the state Validate starts the workflow with. */
    NONE,
    PASS,
    REMIX,
    REGENERATE,
    GIVE_UP_ACCEPT,
    GIVE_UP_FAIL;

    /** Whether the reviewed clip goes on: it passed, or the attempts ran out and the best one is accepted. */
    public boolean accepted() {
        return this == PASS || this == GIVE_UP_ACCEPT;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
