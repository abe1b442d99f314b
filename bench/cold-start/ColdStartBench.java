import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.media.MediaResult;
import dev.reelforge.wiring.Services;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.serve.LocalServe;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Cold start of each light Lambda handler: for every run, a fresh JVM per handler with only that function's package
 * on the classpath (plus the one-class LambdaInvoke), the template's environment pointed at the local stack, the
 * handler built with its no-arg constructor and invoked once; timed from process start to the response line.
 * The handlers run as one render would reach them (Validate's output feeds Submit, and so on), for a deployment with
 * a hosted provider (fal-queue against a fake queue on 127.0.0.1), where all seven are light. Baselines in the same
 * runs: the empty main, and the same chain from the old single package when one is given.
 *
 * <pre>java -cp CLI_CLASSPATH ColdStartBench.java RUNS LIGHT_PACKAGE OLD_PACKAGE|- INVOKE_DIR REQUEST S3_EVENT</pre>
 */
public final class ColdStartBench {
    private static final List<String> HANDLERS = List.of("Validate", "Submit", "Poll", "PostProcess", "Finalize", "RecordFailure",
            "Ingest");
    /** The template's JAVA_TOOL_OPTIONS for every function (its Globals), read from template.yaml at start. */
    private static String JAVA_TOOL_OPTIONS;
    /** A 1024 MB function: heap ergonomics of 1 GB of memory, and the serial collector a small container gets. */
    private static final List<String> JVM_FLAGS = List.of("-XX:MaxRAM=1g", "-XX:+UseSerialGC");
    private static final Pattern TIMES = Pattern.compile("init_ms=([0-9.]+) invoke_ms=([0-9.]+) cpu_ms=([0-9.]+)");
    private static final ObjectMapper JSON = Services.objectMapper();

    record Package(String name, Path dir) {
        String classPath(Path invokeDir) throws IOException {
            List<String> entries = new ArrayList<>(List.of(invokeDir.toString(), dir.toString()));
            try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
                jars.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().forEach(entries::add);
            }
            return String.join(":", entries);
        }
    }

    /** One start: wall times, and the CPU time of the process (all its threads), which moves less with the load. */
    record Sample(double totalMs, double initMs, double invokeMs, double cpuMs) {}

    private final Path invokeDir;
    private final Path scratch;
    private final Map<String, String> environment;
    private final LocalAwsStack stack;
    private final JsonNode request;
    private final JsonNode s3Event;

    private ColdStartBench(Path invokeDir, Path scratch, Map<String, String> environment, LocalAwsStack stack, JsonNode request,
            JsonNode s3Event) {
        this.invokeDir = invokeDir;
        this.scratch = scratch;
        this.environment = environment;
        this.stack = stack;
        this.request = request;
        this.s3Event = s3Event;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Package light = new Package("light", Path.of(args[1]).toAbsolutePath());
        Package old = args[2].equals("-") ? null : new Package("old", Path.of(args[2]).toAbsolutePath());
        Path invokeDir = Path.of(args[3]).toAbsolutePath();
        JsonNode request = JSON.readTree(Files.readString(Path.of(args[4])));
        JAVA_TOOL_OPTIONS = templateToolOptions(Path.of(args[4]).toAbsolutePath().getParent().resolve("../../template.yaml"));
        JsonNode s3Event = JSON.readTree(Files.readString(Path.of(args[5])));
        String loadBefore = loadAverage();
        Path scratch = Files.createTempDirectory("reelforge-cold-start");
        HttpServer fal = fakeFalQueue();
        try (LocalAwsStack stack = LocalAwsStack.start(scratch.resolve("data"));
                LocalServe serve = LocalServe.start(stack, scratch.resolve("data"), 0, EngineClock.system(), Map.of())) {
            Map<String, String> env = environment(stack, serve, "http://127.0.0.1:" + fal.getAddress().getPort());
            stack.clipStore().putBytes(s3Event.path("detail").path("object").path("key").asText(), JSON.writeValueAsBytes(request),
                    "application/json");
            ColdStartBench bench = new ColdStartBench(invokeDir, scratch, env, stack, request, s3Event);
            Map<String, List<Sample>> lightTimes = new LinkedHashMap<>();
            Map<String, List<Sample>> oldTimes = new LinkedHashMap<>();
            List<Double> empty = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                empty.add(bench.emptyJvm());
                bench.chain(light, run, lightTimes);
                if (old != null) {
                    bench.chain(old, run, oldTimes);
                }
                System.err.printf(Locale.ROOT, "run %d/%d done%n", run + 1, runs);
            }
            print(runs, light, old, median(empty), lightTimes, oldTimes, loadBefore);
        } finally {
            fal.stop(0);
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The template's Globals environment for a fal-queue deployment, with the SDKs pointed at the local stack. */
    private static Map<String, String> environment(LocalAwsStack stack, LocalServe serve, String falBase) {
        Map<String, String> env = new LinkedHashMap<>(stack.awsCliEnvironment());
        env.put("AWS_ENDPOINT_URL_SFN", serve.endpoint().toString());
        env.put("REELFORGE_BUCKET", stack.settings().bucket());
        env.put("REELFORGE_JOBS_TABLE", stack.settings().tables().jobs());
        env.put("REELFORGE_CACHE_TABLE", stack.settings().tables().promptCache());
        env.put("REELFORGE_PROVIDER", "fal-queue");
        env.put("REELFORGE_MODEL", "fal-ai/luma-dream-machine/ray-2");
        env.put("REELFORGE_OPENAI_BASE_URL", "");
        env.put("REELFORGE_OPENAI_API_KEY_SECRET", "");
        env.put("REELFORGE_FAL_BASE_URL", falBase);
        env.put("REELFORGE_FAL_API_KEY", "cold-start-bench");
        env.put("REELFORGE_BEDROCK_ENABLED", "false");
        env.put("REELFORGE_ANIMATIC_ENABLED", "false");
        env.put("REELFORGE_TENANT_DAILY_BUDGET_USD", "");
        env.put("REELFORGE_RENDER_STATE_MACHINE_ARN", LocalServe.RENDER_ARN);
        env.put("REELFORGE_BATCH_STATE_MACHINE_ARN", LocalServe.BATCH_ARN);
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return env;
    }

    /** One render's worth of light states, each in a fresh JVM from {@code pkg}; the job id is new every run. */
    private void chain(Package pkg, int run, Map<String, List<Sample>> times) throws Exception {
        String jobId = "cold-start-" + pkg.name() + "-" + run + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode validate = JSON.createObjectNode();
        validate.set("input", JSON.createObjectNode().<ObjectNode>set("request", request)
                .set("source", JSON.createObjectNode().put("kind", "api").put("caller", "cold-start-bench")));
        validate.put("jobId", jobId);
        JsonNode state = invoke(pkg, "Validate", validate, times);
        expect(state.path("job").path("jobId").asText(), jobId, "Validate's job");

        ObjectNode submit = state.deepCopy();
        JsonNode round = invoke(pkg, "Submit", submit, times);
        expect(round.path("tasks").path(0).path("providerJobId").asText().contains("/requests/"), true, "Submit's fal request");

        ObjectNode poll = JSON.createObjectNode();
        poll.set("job", state.get("job"));
        poll.set("round", round);
        expect(invoke(pkg, "Poll", poll, times).path("status").asText(), "RUNNING", "Poll's round");

        String tenant = state.path("job").path("tenant").asText();
        ObjectNode review = JSON.createObjectNode().put("verdict", "pass").put("reason", "all 11 checks passed")
                .put("bestClipKey", "clips/" + tenant + "/" + jobId + "/1/0.mp4")
                .put("bestProviderJobId", round.path("tasks").path(0).path("providerJobId").asText("fal-job"))
                .put("nextMode", "none").put("nextPrompt", "").put("nextInstruction", "")
                .put("reportKey", "outputs/" + tenant + "/" + jobId + "/report.json");
        review.set("checks", JSON.createArrayNode());
        ObjectNode postProcess = JSON.createObjectNode();
        postProcess.set("request", state.get("request"));
        postProcess.set("job", state.get("job"));
        postProcess.set("review", review);
        JsonNode media = invoke(pkg, "PostProcess", postProcess, times);

        String output = "outputs/" + tenant + "/" + jobId + "/9x16-720p.mp4";
        stack.clipStore().putBytes(media.path("resultKey").asText(), JSON.writeValueAsBytes(new MediaResult(jobId,
                List.of(new MediaResult.Output("9x16-720p", output, 720, 1280, "0".repeat(64))), "libopenh264", "bench fixture")),
                "application/json");
        ObjectNode finalize = JSON.createObjectNode();
        finalize.set("job", state.get("job"));
        finalize.set("review", review);
        finalize.set("media", media);
        expect(invoke(pkg, "Finalize", finalize, times).path("status").asText(), "SUCCEEDED", "Finalize's job");

        ObjectNode failure = JSON.createObjectNode();
        failure.set("input", validate.get("input"));
        failure.put("jobId", jobId + "-failed").put("status", "FAILED");
        failure.set("error", JSON.createObjectNode().put("Error", "dev.reelforge.core.error.ProviderFailedException")
                .put("Cause", "{\"errorMessage\":\"the provider could not render attempt 1\"}"));
        expect(invoke(pkg, "RecordFailure", failure, times).path("status").asText(), "FAILED", "RecordFailure's job");

        ObjectNode upload = s3Event.deepCopy();
        ((ObjectNode) upload.path("detail").path("object")).put("sequencer", String.format(Locale.ROOT, "%016X", System.nanoTime()));
        expect(invoke(pkg, "Ingest", upload, times).path("alreadyStarted").asBoolean(true), false, "Ingest's new execution");
    }

    private static String templateToolOptions(Path template) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s+JAVA_TOOL_OPTIONS: (.+)$").matcher(Files.readString(template));
        if (!m.find()) {
            throw new IllegalStateException("no JAVA_TOOL_OPTIONS in " + template);
        }
        return m.group(1).strip();
    }

    private static void expect(Object actual, Object expected, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    private JsonNode invoke(Package pkg, String handler, JsonNode event, Map<String, List<Sample>> times) throws Exception {
        Path eventFile = Files.createTempFile(scratch, handler, ".json");
        Files.write(eventFile, JSON.writeValueAsBytes(event));
        Path tmp = Files.createTempDirectory(scratch, "tmp-");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_FLAGS);
        command.addAll(extraFlags(handler));
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-Dorg.bytedeco.javacpp.cachedir=" + tmp.resolve("javacpp"),
                "-cp", pkg.classPath(invokeDir), "LambdaInvoke", "dev.reelforge.handlers." + handler + "Handler", eventFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("REELFORGE_WORK_DIR", tmp.resolve("reelforge").toString());
        Path stderr = Files.createTempFile(scratch, handler, ".err");
        builder.redirectError(stderr.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        String response;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            response = out.readLine();
        }
        double totalMs = (System.nanoTime() - started) / 1e6;
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String log = Files.readString(stderr);
        Matcher m = TIMES.matcher(log);
        if (process.exitValue() != 0 || response == null || !m.find()) {
            throw new IllegalStateException(pkg.name() + " " + handler + " failed (exit " + process.exitValue() + "):\n" + log);
        }
        times.computeIfAbsent(handler, h -> new ArrayList<>())
                .add(new Sample(totalMs, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3))));
        return JSON.readTree(response);
    }

    /**
     * {@code COLD_START_JVM_FLAGS}, for profiling a start (for example {@code -Xlog:class+load:file=/tmp/cl-%s.txt});
     * {@code %s} becomes the handler's name. Empty by default: the figures are taken without it.
     */
    private static List<String> extraFlags(String handler) {
        String flags = System.getenv().getOrDefault("COLD_START_JVM_FLAGS", "").trim();
        return flags.isEmpty() ? List.of() : List.of(flags.replace("%s", handler).split("\\s+"));
    }

    private double emptyJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", invokeDir.toString(), "LambdaInvoke", "--empty"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.readLine();
        }
        double ms = (System.nanoTime() - started) / 1e6;
        process.waitFor();
        return ms;
    }

    /** fal's queue protocol, just enough for one submit and one status call: the render stays IN_PROGRESS. */
    private static HttpServer fakeFalQueue() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST")) {
                String id = UUID.randomUUID().toString();
                String request = base + "/fal-ai/luma-dream-machine/requests/" + id;
                answer(exchange, "{\"request_id\":\"" + id + "\",\"response_url\":\"" + request + "\",\"status_url\":\"" + request
                        + "/status\",\"cancel_url\":\"" + request + "/cancel\",\"queue_position\":0}");
            } else if (path.endsWith("/status")) {
                answer(exchange, "{\"status\":\"IN_PROGRESS\",\"response_url\":\"" + base + path.replaceFirst("/status$", "")
                        + "\",\"logs\":null}");
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void print(int runs, Package light, Package old, double emptyMs, Map<String, List<Sample>> lightTimes,
            Map<String, List<Sample>> oldTimes, String loadBefore) throws IOException {
        System.out.printf(Locale.ROOT, "Cold start, fresh JVM to first response, median of %d runs%n", runs);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, java %s (%s); load average %s before, %s after%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "JVM: %s, JAVA_TOOL_OPTIONS=%s; fresh java.io.tmpdir and JavaCPP cache per start%n",
                String.join(" ", JVM_FLAGS), JAVA_TOOL_OPTIONS);
        System.out.printf(Locale.ROOT, "baseline: empty main on the same java and flags: %.0f ms%n", emptyMs);
        System.out.printf(Locale.ROOT, "package sizes: light %s%s%n", size(light.dir()), old == null ? "" : ", old single package " + size(old.dir()));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-14s %9s %8s %8s %8s %9s %9s %10s%n", "handler", "light ms", "init ms", "invoke",
                "cpu ms", "x empty",
                old == null ? "" : "old ms", old == null ? "" : "light/old");
        for (String handler : HANDLERS) {
            List<Sample> samples = lightTimes.get(handler);
            double total = median(samples.stream().map(Sample::totalMs).toList());
            String oldColumns = "";
            if (old != null) {
                double oldTotal = median(oldTimes.get(handler).stream().map(Sample::totalMs).toList());
                oldColumns = String.format(Locale.ROOT, " %9.0f %10.2f", oldTotal, total / oldTotal);
            }
            System.out.printf(Locale.ROOT, "%-14s %9.0f %8.0f %8.0f %8.0f %9.2f%s%n", handler, total,
                    median(samples.stream().map(Sample::initMs).toList()), median(samples.stream().map(Sample::invokeMs).toList()),
                    median(samples.stream().map(Sample::cpuMs).toList()), total / emptyMs, oldColumns);
        }
        if (old != null) {
            System.out.printf(Locale.ROOT, "%nold package, init / invoke medians:");
            for (String handler : HANDLERS) {
                List<Sample> samples = oldTimes.get(handler);
                System.out.printf(Locale.ROOT, " %s %.0f/%.0f", handler, median(samples.stream().map(Sample::initMs).toList()),
                        median(samples.stream().map(Sample::invokeMs).toList()));
            }
            System.out.println();
        }
    }

    /** The package as Lambda counts it: the files unzipped, and the zip sam deploy uploads. */
    private static String size(Path dir) throws IOException {
        long bytes = 0;
        Path zip = Files.createTempFile("reelforge-package", ".zip");
        try (Stream<Path> files = Files.walk(dir); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                bytes += Files.size(file);
                out.putNextEntry(new ZipEntry(dir.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        long zipped = Files.size(zip);
        Files.delete(zip);
        return String.format(Locale.ROOT, "%.1f MB (zip %.1f MB)", bytes / 1e6, zipped / 1e6);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
