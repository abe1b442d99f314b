package dev.reelforge.core.error;

import java.util.List;

/** The request cannot be rendered as written; each problem names the field (a JSON path) and the fix. */
public class InvalidRequestException extends ReelforgeException {
    private final List<Problem> problems;

    public InvalidRequestException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder text = new StringBuilder("invalid request: ");
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(problems.get(i));
        }
        return text.toString();
    }

    /**
     * One thing wrong with one field. Both are kept as text UTF-8 can carry: a lone surrogate (a parser quoting
     * half of an emoji) becomes '?', so the job record that stores the message can always be written.
     */
    public record Problem(String field, String message) {
        public Problem {
            field = WellFormedText.of(field);
            message = WellFormedText.of(message);
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
