package dev.reelforge.core.approval;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.WellFormedText;
import java.util.Locale;

/**
 * A reviewer's decision on one revision of a job, as the approval API receives it and {@code WaitForApproval}
 * returns it: {@code {"decision": "approve"|"reject"|"changes", "revision": 2, "text": "..."}}. A rejection needs its
 * reason and a change request its instruction.
 */
public record ApprovalDecision(Decision decision, int revision, String text) {
    public static final int MAX_TEXT = 2_000;

    public ApprovalDecision {
        text = text == null ? "" : text;
    }

    /** Reads and checks an API body; each problem names its field. */
    public static ApprovalDecision parse(JsonNode body) {
        JsonNode decision = body.path("decision");
        Decision kind = null;
        for (Decision d : Decision.values()) {
            if (decision.isTextual() && d.wireName().equals(decision.asText())) {
                kind = d;
            }
        }
        if (kind == null) {
            throw InvalidRequestException.of("$.decision", "must be \"approve\", \"reject\" or \"changes\"");
        }
        JsonNode revision = body.path("revision");
        if (!revision.canConvertToExactIntegral() || revision.asLong() < 0 || revision.asLong() > Integer.MAX_VALUE) {
            throw InvalidRequestException.of(
                    "$.revision", "must be the revision number shown for the render under review (an integer ≥ 0)");
        }
        JsonNode text = body.path("text");
        if (!text.isMissingNode() && !text.isNull() && !text.isTextual()) {
            throw InvalidRequestException.of("$.text", "must be a string");
        }
        String words = text.isTextual() ? text.asText().strip() : "";
        if (kind != Decision.APPROVE && words.isEmpty()) {
            throw InvalidRequestException.of(
                    "$.text",
                    kind == Decision.REJECT
                            ? "a rejection needs its reason"
                            : "a change request needs the instruction for the next render");
        }
        if (words.length() > MAX_TEXT) {
            throw InvalidRequestException.of("$.text", "must be at most " + MAX_TEXT + " characters");
        }
        return new ApprovalDecision(kind, revision.asInt(), WellFormedText.of(words));
    }

    /** The three outcomes; the state machine's {@code Approved?} Choice reads the wire names. */
    public enum Decision {
        APPROVE,
        REJECT,
        CHANGES;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
