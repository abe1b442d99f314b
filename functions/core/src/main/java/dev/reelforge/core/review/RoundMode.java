package dev.reelforge.core.review;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a round is submitted, as the last review decided: the state machine carries it as {@code review.nextMode} and
 * {@code round.mode}, in the lower-case wire form of {@link #wireName()}.
 */
public enum RoundMode {
    /** The request's own prompt, every variation. */
    INITIAL("initial"),
    /** One targeted edit of the best clip, where the provider can remix. */
    REMIX("remix"),
    /** Every variation again, with a revised prompt. */
    REGENERATE("regenerate"),
    /** The creator's re-cut of a finished clip, made by the media side from the accepted original (no provider). */
    RECUT("recut"),
    /**
     * The creator's re-cut that lengthens the clip's ending, made by the provider's extend of its own render (where
     * the model's capability data has {@code extend}) instead of a retime in post-production.
     */
    EXTEND("extend"),
    /**
     * The creator's reframe of a finished clip to another aspect ratio, made by the provider's reframe of its own
     * render (where the model's capability data has {@code reframe}); refused elsewhere, since a crop in
     * post-production would lose the picture's edges.
     */
    REFRAME("reframe"),
    /** Nothing more to submit: the review passed or gave up. */
    NONE("none");

    private final String wireName;

    RoundMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
