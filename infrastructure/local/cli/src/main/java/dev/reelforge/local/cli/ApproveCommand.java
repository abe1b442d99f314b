package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelforge approve <jobId> [--reject "reason" | --changes "instruction"] [--revision N] [--endpoint URL]}:
 * a reviewer's decision, sent to a running {@code reelforge serve} through its jobs API. Without {@code --revision}
 * it approves the revision the job waits on now (read first from {@code GET /api/jobs/<jobId>}). Exit 0 when the
 * decision was recorded, 1 when the job does not wait on that revision or the endpoint is not there, 2 on bad input.
 */
@Command(name = "approve", description = "Approve, reject or ask for changes on a render waiting for approval.")
final class ApproveCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The job (its execution name).")
    String jobId;

    @ArgGroup(exclusive = true)
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--reject", paramLabel = "<reason>", description = "Reject the render, for this reason.")
        String reject;

        @Option(
                names = "--changes",
                paramLabel = "<instruction>",
                description = "Ask for another render carrying this instruction; it is reviewed and approved again.")
        String changes;
    }

    @Option(
            names = "--revision",
            paramLabel = "<n>",
            description = "The revision you reviewed (default: the one waiting now).")
    Integer revision;

    @Option(
            names = "--endpoint",
            paramLabel = "<url>",
            description = "reelforge serve's endpoint (default: ${DEFAULT-VALUE}).",
            defaultValue = "http://127.0.0.1:8083")
    URI endpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!jobId.matches("^[A-Za-z0-9_-]{1,80}$")) {
            err.println("reelforge approve: <jobId> must be an execution name (letters, digits, - and _), not '" + jobId
                    + "'");
            return ReelforgeCli.INVALID_INPUT;
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = endpoint.toString().replaceAll("/+$", "") + "/api/jobs/"
                + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
        try {
            int target;
            if (revision != null) {
                target = revision;
            } else {
                HttpResponse<String> job = http.send(
                        HttpRequest.newBuilder(URI.create(base)).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode doc = JSON.readTree(job.body());
                if (job.statusCode() != 200) {
                    err.println("reelforge approve: " + doc.path("message").asText(job.body()));
                    return ReelforgeCli.FAILED;
                }
                if (!doc.path("waitingRevision").canConvertToInt()) {
                    err.println("reelforge approve: job " + jobId + " is "
                            + doc.path("status").asText() + " and does not wait for approval");
                    return ReelforgeCli.FAILED;
                }
                target = doc.path("waitingRevision").asInt();
            }
            ObjectNode body = JSON.createObjectNode().put("revision", target);
            if (outcome != null && outcome.reject != null) {
                body.put("decision", "reject").put("text", outcome.reject);
            } else if (outcome != null && outcome.changes != null) {
                body.put("decision", "changes").put("text", outcome.changes);
            } else {
                body.put("decision", "approve");
            }
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/approval"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode doc = JSON.readTree(answer.body());
            if (answer.statusCode() == 200) {
                out.println(jobId + " revision " + target + ": "
                        + doc.path("status").asText() + " ("
                        + doc.path("reason").asText() + ")");
                return ReelforgeCli.OK;
            }
            err.println("reelforge approve: " + doc.path("message").asText(answer.body()));
            return answer.statusCode() == 400 ? ReelforgeCli.INVALID_INPUT : ReelforgeCli.FAILED;
        } catch (ConnectException e) {
            err.println("reelforge approve: nothing answers at " + endpoint + "; start `reelforge serve` first");
            return ReelforgeCli.FAILED;
        }
    }
}
