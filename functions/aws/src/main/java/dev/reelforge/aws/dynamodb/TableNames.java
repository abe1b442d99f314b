package dev.reelforge.aws.dynamodb;

import java.util.List;
import java.util.Objects;

/**
 * The names of Reelforge's two tables. In AWS they come from the stack (template.yaml outputs, passed to the
 * functions as environment variables); the local stack uses {@link #defaults()}.
 */
public record TableNames(String jobs, String promptCache) {
    public static final String DEFAULT_JOBS = "reelforge-jobs";
    public static final String DEFAULT_PROMPT_CACHE = "reelforge-prompt-cache";

    public TableNames {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(promptCache, "promptCache");
        if (jobs.equals(promptCache)) {
            throw new IllegalArgumentException("The job table and the prompt cache need different tables: " + jobs);
        }
    }

    public static TableNames defaults() {
        return new TableNames(DEFAULT_JOBS, DEFAULT_PROMPT_CACHE);
    }

    public List<String> all() {
        return List.of(jobs, promptCache);
    }
}
