package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.HistoryEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One line per state as the execution enters it, plus the provider's progress after each poll; and state timings. */
final class ProgressPrinter implements ExecutionListener {
    /** States of the poll loop: reported once per lap, after Poll, with the provider's progress. */
    private static final Set<String> LOOP_STATES = Set.of("WaitForRender", "Poll");

    private final PrintWriter out;
    private final ObjectMapper json;
    private final boolean quiet;
    private final Instant start = Instant.now();
    private final Map<String, Duration> timeByState = new LinkedHashMap<>();
    private final Map<String, Instant> enteredAt = new LinkedHashMap<>();

    ProgressPrinter(PrintWriter out, ObjectMapper json, boolean quiet) {
        this.out = out;
        this.json = json;
        this.quiet = quiet;
    }

    @Override
    public synchronized void onEvent(HistoryEvent event) {
        String type = event.type();
        if (type.endsWith("StateEntered")) {
            String name = event.details()
                    .path("stateEnteredEventDetails")
                    .path("name")
                    .asText();
            enteredAt.put(name, Instant.now());
            if (!LOOP_STATES.contains(name) && !type.startsWith("Choice")) {
                print(name, "");
            }
        } else if (type.endsWith("StateExited")) {
            String name =
                    event.details().path("stateExitedEventDetails").path("name").asText();
            Instant entered = enteredAt.remove(name);
            if (entered != null) {
                timeByState.merge(name, Duration.between(entered, Instant.now()), Duration::plus);
            }
            if ("Poll".equals(name)) {
                JsonNode round = output(event).path("round");
                print(
                        name,
                        String.format(
                                Locale.ROOT,
                                "attempt %d: provider %d%% (%s)",
                                round.path("attempt").asInt(),
                                round.path("progressPercent").asInt(),
                                round.path("status").asText()));
            } else if ("ReviewScore".equals(name)) {
                JsonNode review = output(event).path("review");
                print(
                        name,
                        "verdict " + review.path("verdict").asText() + ": "
                                + review.path("reason").asText());
            }
        }
    }

    private void print(String state, String detail) {
        if (!quiet) {
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            out.printf(Locale.ROOT, "[%6.1fs] %-14s %s%n", seconds, state, detail);
            out.flush();
        }
    }

    private JsonNode output(HistoryEvent event) {
        JsonNode output = event.details().path("stateExitedEventDetails").path("output");
        if (output.isTextual()) {
            try {
                return json.readTree(output.asText());
            } catch (IOException e) {
                return json.createObjectNode();
            }
        }
        return output;
    }

    Map<String, Duration> timings() {
        return Map.copyOf(timeByState);
    }
}
