package dev.reelforge.local.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.LambdaErrorCause;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionListener;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.HistoryEvent;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.wiring.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge run <request.json>}: one render through {@code render.asl.json} on the local stack, with a
 * progress line per state and a summary (or one JSON object with {@code --json}).
 */
@Command(name = "run", description = "Render a request through the real state machine on the local stack.")
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "<request.json>", description = "The request file.")
    Path requestFile;

    @Option(names = "--json", description = "Print one JSON object instead of progress and a summary.")
    boolean jsonOutput;

    @Option(names = "--data-dir", description = "Where the local stack keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(".reelforge");

    @Spec
    CommandSpec spec;

    private final LocalStacks stacks;

    RunCommand() {
        this(LocalStacks.startEach());
    }

    RunCommand(LocalStacks stacks) {
        this.stacks = stacks;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = Services.objectMapper();
        String text;
        try {
            text = RequestFile.read(requestFile);
        } catch (RequestFile.UserInputException e) {
            err.println("rejected: " + Printable.of(e.getMessage()));
            return ReelforgeCli.INVALID_INPUT;
        }
        ObjectNode input = executionInput(json, text);
        Path data = dataDir.toAbsolutePath();
        if (!jsonOutput) {
            err.println("starting the local stack (S3Proxy + moto) under " + data + " …");
        }
        Instant started = Instant.now();
        try (LocalStacks.Lease lease = stacks.open(data)) {
            LocalAwsStack stack = lease.stack();
            String executionName = executionName(input, text, stack.jobStore());
            JsonNode request = input.path("request");
            if (request.path("referenceImage").isTextual()
                    && request.path("tenant").isTextual()) {
                try {
                    ((ObjectNode) request)
                            .put(
                                    "referenceImage",
                                    LocalReference.upload(
                                            requestFile,
                                            request.get("tenant").asText(),
                                            request.get("referenceImage").asText(),
                                            stack.clipStore()));
                } catch (RequestFile.UserInputException e) {
                    err.println("rejected: " + Printable.of(e.getMessage()));
                    return ReelforgeCli.INVALID_INPUT;
                }
            }
            LocalWorkflow workflow = new LocalWorkflow(stack, data, EngineClock.system());
            ProgressPrinter progress = new ProgressPrinter(err, json, jsonOutput);
            ExecutionResult result = workflow.render(input, executionName, new ExecutionListener() {
                @Override
                public void onEvent(HistoryEvent event) {
                    progress.onEvent(event);
                    if (event.type().equals("TaskStateExited")) {
                        stack.snapshot();
                    }
                }
            });
            Duration took = Duration.between(started, Instant.now());
            return report(result, stack, json, progress, took, out, err);
        }
    }

    private static ObjectNode executionInput(ObjectMapper json, String text) {
        ObjectNode input = json.createObjectNode();
        try {
            JsonNode request = json.readTree(text);
            if (request != null && request.isObject()) {
                input.set("request", request);
            } else {
                input.put("requestText", text);
            }
        } catch (IOException notJson) {
            input.put("requestText", text);
        }
        input.putObject("source").put("kind", "cli");
        return input;
    }

    /**
     * The job id: the client's request id (made safe) plus a hash of the request, so running the same file again
     * after a crash resumes the unfinished job (its provider jobs are found by their idempotency keys, not paid
     * for twice). Once that job has ended, a rerun is a new job, which then finds the approved clip in the cache.
     */
    private String executionName(ObjectNode input, String text, JobStore jobs) {
        String client =
                input.path("request").path("clientRequestId").asText("request").replaceAll("[^A-Za-z0-9._-]", "-");
        if (client.isEmpty() || !Character.isLetterOrDigit(client.charAt(0))) {
            client = "request";
        }
        client = client.length() > 48 ? client.substring(0, 48) : client;
        String tenant = input.path("request").path("tenant").asText("");
        String name = client + "-" + Sha256.hex(tenant + "\n" + text).substring(0, 10);
        Optional<JobRecord> existing = jobs.find(name);
        if (existing.isEmpty()) {
            return name;
        }
        if (!existing.get().status().isFinal()) {
            if (!jsonOutput) {
                spec.commandLine()
                        .getErr()
                        .println("resuming unfinished job " + name + " (was "
                                + existing.get().status() + ")");
            }
            return name;
        }
        return name + "-" + NAME_TIME.format(Instant.now()) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
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
