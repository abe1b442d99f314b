package dev.reelforge.core.edit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What Validate hands on about an edit ({@code $.edit}): the state machine's {@code CacheHit?} reads {@code kind}
 * and sends a re-cut to the {@code Recut} state, which reads the source clip and the segments. A job that is no
 * edit carries {@link #none()}.
 *
 * @param sourceClipKey the original's accepted clip (a provider original, never modified)
 * @param segments the re-cut's segments; empty for a remix
 * @param outputSeconds how long the re-cut runs; 0 for a remix
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EditPlan(
        Kind kind,
        String of,
        String description,
        String sourceClipKey,
        String sourceSha256,
        List<RecutPlan.Segment> segments,
        double outputSeconds) {

    public EditPlan {
        segments = segments == null ? List.of() : List.copyOf(segments);
        of = of == null ? "" : of;
        description = description == null ? "" : description;
        sourceClipKey = sourceClipKey == null ? "" : sourceClipKey;
        sourceSha256 = sourceSha256 == null ? "" : sourceSha256;
    }

    /** The wire names the ASL's Choice compares. */
    public enum Kind {
        NONE,
        REMIX,
        RECUT,
        /** A re-cut made at the provider ({@code RoundMode.EXTEND}): it goes through Submit, not {@code Recut}. */
        EXTEND,
        /** A reframe made at the provider ({@code RoundMode.REFRAME}): through Submit, like an extend. */
        REFRAME,
        /** A new storyboard: its changed shots go through the {@code Shots} Map, the others are reused. */
        STORYBOARD;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static EditPlan none() {
        return new EditPlan(Kind.NONE, "", "", "", "", List.of(), 0);
    }
}
