package dev.reelforge.core.provider;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One call that could have started a paid provider job, as the job record keeps it, so support can answer "was I
 * charged twice?" from the record alone.
 *
 * @param at ISO-8601 instant the call was made
 * @param providerJobId the job it started or adopted; empty when an ambiguous call's job is not known
 * @param detail what happened, in words (never a secret)
 */
public record CreateAttempt(String at, Outcome outcome, String providerJobId, String detail) {
    public CreateAttempt {
        Objects.requireNonNull(outcome, "outcome");
        at = at == null ? "" : at;
        providerJobId = providerJobId == null ? "" : providerJobId;
        detail = detail == null ? "" : detail;
    }

    /** How a create call ended. */
    public enum Outcome {
        /** The provider answered with the job it started. */
        CREATED("created"),
        /** The reply was lost, but the job was found afterwards (idempotency key or listing) and taken as ours. */
        ADOPTED("adopted"),
        /** A timeout, 5xx or garbled reply: the provider may or may not have started a job. */
        AMBIGUOUS("ambiguous"),
        /** The key already had a job (a retried Submit): no call was made. */
        RESUMED("resumed");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
