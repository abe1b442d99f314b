package dev.reelforge.local.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.error.LambdaErrorCause;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.HistoryEvent;
import dev.reelforge.local.engine.TaskContext;
import dev.reelforge.local.engine.TaskFailedException;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalTaskResolver;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One execution of {@code render.asl.json} on an open local stack, with a progress line per state and the summary
 * (or one JSON object): what {@code run}, {@code remix} and {@code recut} share.
 */
final class RenderRun {
    private final ObjectMapper json;
    private final boolean jsonOutput;
    private final PrintWriter out;
    private final PrintWriter err;

    RenderRun(ObjectMapper json, boolean jsonOutput, PrintWriter out, PrintWriter err) {
        this.json = json;
        this.jsonOutput = jsonOutput;
        this.out = out;
        this.err = err;
    }

    int execute(LocalAwsStack stack, Path data, ObjectNode input, String executionName, Instant started)
            throws IOException {
        return execute(stack, data, input, executionName, started, false);
    }

    /**
     * @param approve approve each revision that waits at WaitForApproval, in-process, as a reviewer would through
     *     {@code serve} ({@code reelforge run --approve})
     */
    int execute(
            LocalAwsStack stack, Path data, ObjectNode input, String executionName, Instant started, boolean approve)
            throws IOException {
        LocalWorkflow workflow = new LocalWorkflow(stack, data, EngineClock.system());
        ProgressPrinter progress = new ProgressPrinter(err, json, jsonOutput);
        String[] entered = {""};
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
                progress.onEvent(event);
                if (event.type().equals("TaskStateEntered")) {
                    entered[0] = event.details()
                            .path("stateEnteredEventDetails")
                            .path("name")
                            .asText();
                }
                if (event.type().equals("TaskStateExited")) {
                    stack.snapshot();
                }
                if (approve && event.type().equals("TaskSubmitted") && entered[0].equals("WaitForApproval")) {
                    CompletableFuture.runAsync(() -> approveWaiting(workflow, executionName));
                }
            }
        };
        ExecutionResult result = approve
                ? workflow.renderWithLocalCallbacks(input, executionName, listener)
                : workflow.render(input, executionName, listener);
        Duration took = Duration.between(started, Instant.now());
        return report(result, stack, json, progress, took, out, err);
    }

    /** The approval function's {@code decide}, approving the revision that waits, as {@code serve}'s API would. */
    private void approveWaiting(LocalWorkflow workflow, String jobId) {
        String approval = LocalTaskResolver.functionArn(Definitions.FUNCTIONS.get("ApprovalFunctionArn"));
        TaskContext context = new TaskContext("", "run --approve", 0, null);
        try {
            JsonNode waiting = workflow.tasks()
                    .invoke(
                            approval,
                            json.createObjectNode().put("action", "waiting").put("jobId", jobId),
                            context);
            int revision = waiting.path("waitingRevision").asInt();
            workflow.tasks()
                    .invoke(
                            approval,
                            json.createObjectNode()
                                    .put("action", "decide")
                                    .put("jobId", jobId)
                                    .put("decision", "approve")
                                    .put("revision", revision)
                                    .put("text", "approved by reelforge run --approve"),
                            context);
            if (!jsonOutput) {
                err.println("approved revision " + revision + " (--approve)");
            }
        } catch (TaskFailedException e) {
            err.println("could not approve: " + LambdaErrorCause.message(json, e.cause()));
        }
    }

    private Integer report(
            ExecutionResult result,
            LocalAwsStack stack,
            ObjectMapper json,
            ProgressPrinter progress,
            Duration took,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        String jobId = result.executionArn().substring(result.executionArn().lastIndexOf(':') + 1);
        if (result.status() != ExecutionResult.Status.SUCCEEDED) {
            boolean rejected = "Reelforge.RequestRejected".equals(result.error());
            String reason = LambdaErrorCause.message(json, result.cause());
            if (jsonOutput) {
                ObjectNode doc = json.createObjectNode();
                doc.put("status", rejected ? "REJECTED" : result.status().name());
                doc.put("jobId", jobId);
                doc.put("error", result.error());
                doc.put("reason", reason);
                out.println(terminalSafe(json, doc));
            } else {
                err.println((rejected ? "rejected: " : "failed (" + result.error() + "): ") + Printable.of(reason));
                err.println("job " + jobId + " recorded as " + (rejected ? "REJECTED" : "FAILED"));
            }
            return rejected ? ReelforgeCli.INVALID_INPUT : ReelforgeCli.FAILED;
        }
        JsonNode summary = result.output();
        ObjectNode doc = json.createObjectNode();
        doc.put("status", summary.path("status").asText());
        doc.put("jobId", summary.path("jobId").asText());
        doc.put("cacheHit", summary.path("cacheHit").asBoolean());
        doc.put("providerSubmissions", summary.path("providerSubmissions").asInt());
        JsonNode submissions = summary.path("submissions");
        doc.putObject("submissions")
                .put("new", submissions.path("created").asInt())
                .put("adopted", submissions.path("adopted").asInt())
                .put("resumed", submissions.path("resumed").asInt());
        doc.set(
                "possibleDuplicateCharges",
                summary.path("possibleDuplicateCharges").isArray()
                        ? summary.get("possibleDuplicateCharges")
                        : json.createArrayNode());
        doc.put("attempts", summary.path("attempts").asInt());
        doc.put("verdict", summary.path("verdict").asText());
        ArrayNode outputs = doc.putArray("outputs");
        for (JsonNode output : summary.path("outputs")) {
            outputs.addObject()
                    .put("rendition", output.path("rendition").asText())
                    .put(
                            "path",
                            display(stack.clipStore().locate(output.path("key").asText())));
        }
        doc.put(
                "report",
                display(stack.clipStore().locate(summary.path("report").asText())));
        doc.put("encoder", summary.path("encoder").asText());
        doc.put("estimatedCostUsd", summary.path("estimatedCostUsd").asDouble());
        doc.put("seconds", took.toMillis() / 1000.0);
        doc.set("warnings", summary.path("warnings"));
        if (jsonOutput) {
            out.println(terminalSafe(json, doc));
            return ReelforgeCli.OK;
        }
        out.printf(Locale.ROOT, "%nSUCCEEDED  job %s%n", doc.get("jobId").asText());
        out.printf(
                Locale.ROOT,
                "  %s, %d provider submission(s) (%d new, %d adopted, %d resumed), %d attempt(s), verdict %s,"
                        + " estimated cost $%.2f%n",
                doc.get("cacheHit").asBoolean() ? "cache hit" : "rendered",
                doc.get("providerSubmissions").asInt(),
                submissions.path("created").asInt(),
                submissions.path("adopted").asInt(),
                submissions.path("resumed").asInt(),
                doc.get("attempts").asInt(),
                doc.get("verdict").asText(),
                doc.get("estimatedCostUsd").asDouble());
        for (JsonNode output : outputs) {
            out.printf(
                    Locale.ROOT,
                    "  %-14s %s%n",
                    output.get("rendition").asText(),
                    output.get("path").asText());
        }
        out.printf(Locale.ROOT, "  %-14s %s%n", "report", doc.get("report").asText());
        doc.get("warnings").forEach(w -> out.println("  warning: " + w.asText()));
        doc.get("possibleDuplicateCharges")
                .forEach(c -> out.println("  possible duplicate charge: "
                        + Printable.of(c.path("reason").asText()) + " (provider jobs "
                        + Printable.of(c.path("providerJobIds").toString()) + ")"));
        out.printf(Locale.ROOT, "  took %.1f s (%s)%n", took.toMillis() / 1000.0, timings(progress.timings()));
        return ReelforgeCli.OK;
    }

    /** JSON with every non-ASCII character escaped: still the same document, and nothing a terminal acts on. */
    private static String terminalSafe(ObjectMapper json, JsonNode doc) throws IOException {
        return json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(doc);
    }

    private static String timings(Map<String, Duration> byState) {
        return String.join(
                ", ",
                byState.entrySet().stream()
                        .sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()))
                        .limit(5)
                        .map(e -> String.format(
                                Locale.ROOT,
                                "%s %.1f s",
                                e.getKey(),
                                e.getValue().toMillis() / 1000.0))
                        .toList());
    }

    private static String display(String location) {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            Path path = Path.of(location);
            return path.startsWith(cwd) ? cwd.relativize(path).toString() : location;
        } catch (RuntimeException notAPath) {
            return location;
        }
    }
}
