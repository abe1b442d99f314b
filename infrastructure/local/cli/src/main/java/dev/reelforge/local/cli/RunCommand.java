package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.wiring.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    @Option(
            names = "--approve",
            description =
                    "Approve each revision that waits at WaitForApproval (\"approval\": \"required\"), in-process.")
    boolean approve;

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
            if (request.path("tenant").isTextual()) {
                try {
                    LocalReference.uploadAll(requestFile, (ObjectNode) request, stack.clipStore());
                } catch (RequestFile.UserInputException e) {
                    err.println("rejected: " + Printable.of(e.getMessage()));
                    return ReelforgeCli.INVALID_INPUT;
                }
            }
            return new RenderRun(json, jsonOutput, out, err)
                    .execute(stack, data, input, executionName, started, approve);
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
}
