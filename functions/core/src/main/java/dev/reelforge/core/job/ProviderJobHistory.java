package dev.reelforge.core.job;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.reelforge.core.provider.CreateAttempt;
import java.util.List;

/**
 * What happened to one provider job, as the job record keeps it for support ("what happened to my render?"): the
 * create calls behind it, the provider states Poll saw with their times, and every download with its checksum.
 * Times are ISO-8601 instants.
 */
public record ProviderJobHistory(
        String providerJobId,
        int attempt,
        int variation,
        List<CreateAttempt> creates,
        List<StateSeen> states,
        List<DownloadAttempt> downloads) {
    public ProviderJobHistory {
        creates = List.copyOf(creates == null ? List.of() : creates);
        states = List.copyOf(states == null ? List.of() : states);
        downloads = List.copyOf(downloads == null ? List.of() : downloads);
    }

    /** A provider state, recorded when it changes. */
    public record StateSeen(String state, String at) {}

    /**
     * One copy of the finished clip.
     *
     * @param sha256 of the bytes received, stored or not (a rejected body's checksum tells support what was served)
     * @param reason why the body was rejected; empty when stored
     */
    public record DownloadAttempt(String at, Outcome outcome, long bytes, String sha256, String reason) {
        public DownloadAttempt {
            sha256 = sha256 == null ? "" : sha256;
            reason = reason == null ? "" : reason;
        }

        /** Whether the body became the clip. */
        public enum Outcome {
            STORED("stored"),
            REJECTED("rejected");

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
}
