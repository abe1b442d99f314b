package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parses Retry and Catch arrays, enforcing that States.ALL stands alone in the last entry. */
final class ErrorHandlingParser {
    private final DefinitionParser owner;

    ErrorHandlingParser(DefinitionParser owner) {
        this.owner = owner;
    }

    ErrorHandling parse(JsonNode node, String at, QueryLanguage language) {
        List<ErrorHandling.Retrier> retriers = new ArrayList<>();
        JsonNode retry = node.path("Retry");
        for (int i = 0; i < retry.size(); i++) {
            String where = at + "/Retry/" + i;
            JsonNode r = retry.get(i);
            List<String> errors = errorEquals(r, where, i == retry.size() - 1);
            double interval = r.path("IntervalSeconds").asDouble(1);
            int maxAttempts = r.path("MaxAttempts").asInt(3);
            double backoff = r.path("BackoffRate").asDouble(2.0);
            Double maxDelay =
                    r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asDouble() : null;
            String jitter = r.path("JitterStrategy").asText("NONE");
            if (interval <= 0 || maxAttempts < 0 || backoff < 1.0 || (maxDelay != null && maxDelay <= 0)) {
                owner.problem(
                        "SCHEMA_VALIDATION_FAILED",
                        "IntervalSeconds and MaxDelaySeconds must be positive, MaxAttempts non-negative, BackoffRate >= 1.0",
                        where);
            }
            if (!jitter.equals("FULL") && !jitter.equals("NONE")) {
                owner.problem(
                        "SCHEMA_VALIDATION_FAILED", "JitterStrategy must be FULL or NONE", where + "/JitterStrategy");
            }
            retriers.add(
                    new ErrorHandling.Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter.equals("FULL")));
        }
        List<ErrorHandling.Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = node.path("Catch");
        for (int i = 0; i < catchNode.size(); i++) {
            String where = at + "/Catch/" + i;
            JsonNode c = catchNode.get(i);
            List<String> errors = errorEquals(c, where, i == catchNode.size() - 1);
            String next = owner.requiredText(c, "Next", where);
            catchers.add(new ErrorHandling.Catcher(errors, next, owner.flows().nestedFlow(c, where, language, true)));
        }
        return new ErrorHandling(retriers, catchers);
    }

    private List<String> errorEquals(JsonNode node, String at, boolean last) {
        JsonNode list = node.get("ErrorEquals");
        if (list == null || !list.isArray() || list.isEmpty()) {
            owner.problem("SCHEMA_VALIDATION_FAILED", "'ErrorEquals' must be a non-empty array", at);
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        list.forEach(e -> errors.add(e.asText()));
        if (errors.contains(StatesError.ALL) && (errors.size() > 1 || !last)) {
            owner.problem(
                    "SCHEMA_VALIDATION_FAILED",
                    "States.ALL must appear alone in the last retrier or catcher",
                    at + "/ErrorEquals");
        }
        return List.copyOf(errors);
    }
}
