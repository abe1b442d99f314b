package dev.reelforge.core.review;

import java.util.Locale;

/** What the workflow does after scoring an attempt; the state machine's Choice switches on {@link #wireName()}. */
public enum Verdict {
    PASS,
    REMIX,
    REGENERATE,
    GIVE_UP_ACCEPT,
    GIVE_UP_FAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
