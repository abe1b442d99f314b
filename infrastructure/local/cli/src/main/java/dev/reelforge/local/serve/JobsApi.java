package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.edit.EditRequest;
import dev.reelforge.core.error.ApprovalNotPendingException;
import dev.reelforge.core.error.InvalidRequestException;
import dev.reelforge.core.error.LambdaErrorCause;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.StorageKeys;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.workflow.ReviewStep;
import dev.reelforge.local.engine.TaskContext;
import dev.reelforge.local.engine.TaskFailedException;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalTaskResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jobs API of {@code reelforge serve}, for the review page and {@code reelforge approve}: {@code GET /api/jobs}
 * (the render executions with their jobs' status), {@code GET /api/jobs/<jobId>} (the job record, its request, the
 * revision that waits for approval), {@code GET /api/jobs/<jobId>/outputs/<rendition>} (an output),
 * {@code .../clips/<attempt>/<variation>} (a provider original, what a reviewer approves), {@code .../report} (the
 * review report's page) and
 * {@code POST /api/jobs/<jobId>/approval} with {@code {"decision": "approve"|"reject"|"changes", "revision": N,
 * "text": "..."}}, which invokes the approval function as a SaaS backend would in AWS, and
 * {@code POST /api/jobs/<jobId>/edits} with {@code {"remix": "…"}}, {@code {"recut": {"expand": […], …}}},
 * {@code {"reframe": {"aspectRatio": "16:9"}}} or
 * {@code {"storyboard": {"prompt": "…", "durationSeconds": N}}} (only the changed shots render), which starts a new
 * version of the job (202 with its {@code jobId}). Answers JSON: 200, 400 (a field is wrong, named in
 * {@code field}), 404 (no such job), 409 (nothing waits on that revision), 413.
 */
final class JobsApi implements HttpHandler {
    static final int MAX_BODY_BYTES = 65_536;
    private static final Pattern PATH = Pattern.compile("^/api/jobs/([A-Za-z0-9_-]{1,80})(/approval|/edits)?$");
    private static final Pattern OUTPUT =
            Pattern.compile("^/api/jobs/([A-Za-z0-9_-]{1,80})/outputs/([A-Za-z0-9_.-]{1,40})$");
    private static final Pattern CLIP =
            Pattern.compile("^/api/jobs/([A-Za-z0-9_-]{1,80})/clips/([0-9]{1,3})/([0-9]{1,2})$");
    private static final Pattern REPORT = Pattern.compile("^/api/jobs/([A-Za-z0-9_-]{1,80})/report$");
    private static final String APPROVAL = Definitions.FUNCTIONS.get("ApprovalFunctionArn");

    private final LocalTaskResolver functions;
    private final JobStore jobs;
    private final ClipStore clips;
    private final LocalExecutions executions;
    private final String renderArn;
    private final ObjectMapper json;

    JobsApi(
            LocalTaskResolver functions,
            JobStore jobs,
            ClipStore clips,
            LocalExecutions executions,
            String renderArn,
            ObjectMapper json) {
        this.functions = functions;
        this.jobs = jobs;
        this.clips = clips;
        this.executions = executions;
        this.renderArn = renderArn;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            String uri = exchange.getRequestURI().getPath();
            Matcher path = PATH.matcher(uri);
            Matcher output = OUTPUT.matcher(uri);
            Matcher clip = CLIP.matcher(uri);
            Matcher report = REPORT.matcher(uri);
            String method = exchange.getRequestMethod();
            if (uri.equals("/api/jobs") && method.equals("GET")) {
                respond(exchange, 200, list());
            } else if (output.matches() && method.equals("GET")) {
                String key = jobs.find(output.group(1))
                        .map(r -> r.outputs().get(output.group(2)))
                        .orElse(null);
                file(exchange, key);
            } else if (clip.matches() && method.equals("GET")) {
                String key = jobs.find(clip.group(1))
                        .map(r -> StorageKeys.clip(
                                r.tenant(),
                                r.jobId(),
                                Integer.parseInt(clip.group(2)),
                                Integer.parseInt(clip.group(3))))
                        .orElse(null);
                file(exchange, key);
            } else if (report.matches() && method.equals("GET")) {
                file(
                        exchange,
                        jobs.find(report.group(1))
                                .map(r -> ReviewStep.htmlKey(StorageKeys.report(r.tenant(), r.jobId())))
                                .orElse(null));
            } else if (!path.matches()) {
                respond(
                        exchange,
                        404,
                        error("no such resource: " + exchange.getRequestURI().getPath(), null));
            } else if (path.group(2) == null && method.equals("GET")) {
                job(exchange, path.group(1));
            } else if (path.group(2) != null && method.equals("POST")) {
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    respond(exchange, 413, error("the body is over " + MAX_BODY_BYTES + " bytes", null));
                } else if (path.group(2).equals("/edits")) {
                    edit(exchange, path.group(1), bytes);
                } else {
                    approve(exchange, path.group(1), bytes);
                }
            } else {
                respond(exchange, 405, error(method + " is not served here", null));
            }
        }
    }

    /** The render executions, newest first, each with its job's status (the page's list). */
    private JsonNode list() {
        ArrayNode out = json.createArrayNode();
        for (LocalExecution execution : executions.executions(renderArn)) {
            ObjectNode item = out.addObject()
                    .put("jobId", execution.name)
                    .put("execution", execution.status().name())
                    .put("startDate", execution.startDate.toString());
            jobs.find(execution.name)
                    .ifPresent(r -> item.put("status", r.status().name()).put("reason", r.reason()));
        }
        return out;
    }

    /**
     * A file of a job: an output the record lists, a provider original by attempt and variation, or the review
     * report's page; keys come from the record and {@link StorageKeys}, never from the request path.
     */
    private void file(HttpExchange exchange, String key) throws IOException {
        byte[] bytes = key == null ? null : clips.getBytes(key).orElse(null);
        if (bytes == null) {
            respond(exchange, 404, error("no such file of this job", null));
            return;
        }
        String type = key.endsWith(".mp4")
                ? "video/mp4"
                : key.endsWith(".jpg")
                        ? "image/jpeg"
                        : key.endsWith(".html") ? "text/html; charset=utf-8" : "application/json";
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void job(HttpExchange exchange, String jobId) throws IOException {
        JobRecord record = jobs.find(jobId).orElse(null);
        if (record == null) {
            respond(exchange, 404, error("there is no job " + jobId, null));
            return;
        }
        ObjectNode doc = json.createObjectNode()
                .put("jobId", record.jobId())
                .put("tenant", record.tenant())
                .put("status", record.status().name())
                .put("reason", record.reason());
        doc.set("outputs", json.valueToTree(record.outputs()));
        doc.set(
                "waitingRevision",
                call(json.createObjectNode().put("action", "waiting").put("jobId", jobId))
                        .path("waitingRevision"));
        doc.set("detail", json.valueToTree(record.detail()));
        try {
            JsonNode input = json.readTree(executions.execution(LocalExecutions.executionArn(renderArn, jobId)).input);
            doc.set(
                    "request",
                    input.has("request")
                            ? input.get("request")
                            : input.has("requestText")
                                    ? input.get("requestText")
                                    : json.valueToTree(record.detail().request()));
            if (input.has("edit")) {
                doc.set("edit", input.get("edit"));
            }
        } catch (ApiException noExecution) {
            doc.putNull("request");
        }
        respond(exchange, 200, doc);
    }

    private void approve(HttpExchange exchange, String jobId, byte[] bytes) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (IOException e) {
            respond(exchange, 400, error("the body is not JSON", "$"));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, error("the body must be a JSON object", "$"));
            return;
        }
        if (jobs.find(jobId).isEmpty()) {
            respond(exchange, 404, error("there is no job " + jobId, null));
            return;
        }
        ObjectNode payload =
                ((ObjectNode) body.deepCopy()).put("action", "decide").put("jobId", jobId);
        try {
            respond(exchange, 200, call(payload));
        } catch (ApiFailure e) {
            respond(exchange, e.status, error(e.getMessage(), e.field));
        }
    }

    /**
     * {@code POST /api/jobs/<jobId>/edits} with {@code {"remix": "…"}}, {@code {"recut": {…}}}, {@code {"reframe": {…}}} or
     * {@code {"storyboard": {…}}}: starts a new version
     * of the job as the execution input {@code {"edit": …}} with the job's own tenant (serve is the local owner's);
     * 202 with the new job's id. The edit's shape is checked here (400 naming the field); whether it fits the clip
     * is Validate's to say, on the new job's record.
     */
    private void edit(HttpExchange exchange, String jobId, byte[] bytes) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (IOException e) {
            respond(exchange, 400, error("the body is not JSON", "$"));
            return;
        }
        JobRecord record = jobs.find(jobId).orElse(null);
        if (record == null) {
            respond(exchange, 404, error("there is no job " + jobId, null));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, error("the body must be a JSON object", "$"));
            return;
        }
        ObjectNode edit = ((ObjectNode) body.deepCopy()).put("of", jobId).put("tenant", record.tenant());
        EditRequest parsed;
        try {
            parsed = EditRequest.parse(edit);
        } catch (InvalidRequestException e) {
            InvalidRequestException.Problem problem = e.problems().get(0);
            respond(exchange, 400, error(e.getMessage(), problem.field()));
            return;
        }
        ObjectNode input = json.createObjectNode();
        input.set("edit", edit);
        input.putObject("source").put("kind", "api");
        String kind = parsed.kind().name().toLowerCase(Locale.ROOT);
        String base = jobId.length() > 50 ? jobId.substring(0, 50) : jobId;
        String name = base + "-" + kind + "-"
                + Sha256.hex(json.writeValueAsString(edit) + System.nanoTime()).substring(0, 10);
        executions.start(renderArn, name, json.writeValueAsString(input));
        respond(exchange, 202, json.createObjectNode().put("jobId", name).put("versionOf", jobId));
    }

    private JsonNode call(ObjectNode payload) {
        try {
            return functions.invoke(
                    LocalTaskResolver.functionArn(APPROVAL), payload, new TaskContext("", "api", 0, null));
        } catch (TaskFailedException e) {
            String message = LambdaErrorCause.message(json, e.cause());
            if (e.error().equals(ApprovalNotPendingException.class.getName())) {
                throw new ApiFailure(409, message, null);
            }
            if (e.error().equals(InvalidRequestException.class.getName())) {
                int colon = message.indexOf(": ", "invalid request: ".length());
                String field = message.startsWith("invalid request: ") && colon > 0
                        ? message.substring("invalid request: ".length(), colon)
                        : null;
                throw new ApiFailure(400, message, field);
            }
            throw new ApiFailure(500, "the approval function failed: " + message, null);
        }
    }

    private ObjectNode error(String message, String field) {
        ObjectNode doc = json.createObjectNode().put("message", message);
        if (field != null) {
            doc.put("field", field);
        }
        return doc;
    }

    private void respond(HttpExchange exchange, int status, JsonNode doc) throws IOException {
        byte[] bytes = json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class ApiFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String field;

        ApiFailure(int status, String message, String field) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
        }
    }
}
