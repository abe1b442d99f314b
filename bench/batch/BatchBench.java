import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.port.VideoProvider;
import dev.reelforge.core.provider.GenerationSpec;
import dev.reelforge.core.provider.ProviderJob;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.serve.LocalServe;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.providers.animatic.AnimaticProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * One batch of N requests through batch.asl.json (Map of startExecution.sync:2 over render.asl.json) on
 * `reelforge serve`'s engine and local stack, after one warm-up render. The provider is a premade-clip fake: the
 * warm-up is rendered by the real animatic (360p, 5 s) and every later submit answers COMPLETED at once with a copy of
 * that clip, so each request still runs Validate, Submit, the 1 s Wait, Poll (copy into S3), ReviewScore (the whole
 * FFmpeg analysis) and PostProcess/RenderMedia (two source-size renditions, thumbnail, provenance) — everything but
 * the provider's own render. Prints one line of key=value figures. A batch whose input would pass 256 KiB (about 600
 * requests) runs as the batch machine's Distributed Map over an items file; its counts are read from the exported
 * results.
 *
 * Usage: java -cp <cli classpath> bench/batch/BatchBench.java N MAX_CONCURRENCY DATA_DIR
 */
public class BatchBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong peakRssKb = new AtomicLong();
    private static final AtomicLong peakHeapBytes = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int maxConcurrency = Integer.parseInt(args[1]);
        Path data = Path.of(args[2]).toAbsolutePath();
        PremadeClipProvider provider = new PremadeClipProvider(new AnimaticProvider(data.resolve("animatic")), data.resolve("premade.mp4"));
        try (LocalAwsStack stack = LocalAwsStack.start(data);
                LocalServe serve = LocalServe.start(stack, data, 0, EngineClock.system(), Map.of(AnimaticProvider.NAME, provider));
                SfnClient sfn = client(serve)) {
            String warmUp = sfn.startExecution(b -> b.stateMachineArn(LocalServe.RENDER_ARN).name("warm-up")
                    .input(input(request(-1)).toString())).executionArn();
            DescribeExecutionResponse warm = await(sfn, warmUp);
            if (warm.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("warm-up render " + warm.status() + ": " + warm.error() + " " + warm.cause());
            }
            long baselineRssKb = status("VmRSS");
            resetPeaks();
            Thread sampler = sampler();

            ObjectNode manifest = JSON.createObjectNode();
            ArrayNode requests = manifest.putArray("requests");
            for (int i = 0; i < n; i++) {
                requests.add(request(i));
            }
            stack.clients().s3().putObject(b -> b.bucket(stack.settings().bucket()).key("manifests/bench.json"),
                    RequestBody.fromBytes(JSON.writeValueAsBytes(manifest)));
            ObjectNode schedule = JSON.createObjectNode().put("source", "reelforge.schedule").put("manifestKey", "manifests/bench.json")
                    .put("maxConcurrency", maxConcurrency).put("scheduledTime", "bench-" + n)
                    .put("scheduleArn", "arn:aws:scheduler:us-east-1:000000000000:schedule/default/bench");
            long cpuBefore = cpuTicks();
            long start = System.nanoTime();
            JsonNode started = serve.uploads().invoke(schedule);
            String batchArn = started.path("executionArn").asText();
            if (batchArn.isEmpty()) {
                throw new IllegalStateException("Ingest did not start the batch: " + started);
            }
            DescribeExecutionResponse done = await(sfn, batchArn);
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            long cpuTicks = cpuTicks() - cpuBefore;
            sampler.interrupt();
            JsonNode summary = done.output() == null ? JSON.createObjectNode() : JSON.readTree(done.output());
            if (summary.has("resultWriterDetails")) {
                summary = countExported(stack, summary.get("resultWriterDetails"));
            }
            long hwmKb = status("VmHWM");
            long heapPeak = Math.max(peakHeapBytes.get(), heapPoolPeaks());
            System.gc();
            System.gc();
            long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (done.status() != ExecutionStatus.SUCCEEDED) {
                System.err.println("the batch ended " + done.status() + ": " + done.error() + ": " + done.cause());
            }
            System.out.printf(Locale.ROOT, "n=%d maxConcurrency=%d status=%s succeeded=%d failed=%d submissions=%d wall_s=%.1f "
                    + "per_request_ms=%.0f cpu_s=%.1f peak_rss_mib=%.0f baseline_rss_mib=%.0f peak_heap_mib=%.0f "
                    + "heap_after_gc_mib=%.0f max_heap_mib=%d moto_peak_rss_mib=%.0f%n",
                    n, maxConcurrency, done.status(), summary.path("succeededCount").asInt(), summary.path("failedCount").asInt(),
                    provider.premadeSubmissions(), wallSeconds, wallSeconds * 1000 / n, cpuTicks / 100.0,
                    Math.max(hwmKb, peakRssKb.get()) / 1024.0, baselineRssKb / 1024.0, heapPeak / 1048576.0,
                    heapAfterGc / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576, motoPeakRssKb() / 1024.0);
        }
    }

    /**
     * A batch too large for one execution input ran as a Distributed Map whose results are in S3: counts the render
     * statuses of the SUCCEEDED file's records (each record's Output is one render's name and status).
     */
    private static JsonNode countExported(LocalAwsStack stack, JsonNode details) throws IOException {
        String bucket = details.path("Bucket").asText();
        JsonNode manifest = JSON.readTree(stack.clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key(details.path("Key").asText())).asByteArray());
        int succeeded = 0;
        int failed = 0;
        for (JsonNode file : manifest.path("ResultFiles").path("SUCCEEDED")) {
            JsonNode records = JSON.readTree(stack.clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key(file.path("Key").asText())).asByteArray());
            for (JsonNode record : records) {
                if (JSON.readTree(record.path("Output").asText()).path("status").asText().equals("SUCCEEDED")) {
                    succeeded++;
                } else {
                    failed++;
                }
            }
        }
        failed += manifest.path("ResultFiles").path("FAILED").size();
        return JSON.createObjectNode().put("succeededCount", succeeded).put("failedCount", failed);
    }

    /** The cheapest sample (16:9, 5 s, 360p, one variation) with its own prompt, so no request hits the cache. */
    private static ObjectNode request(int i) {
        ObjectNode request = JSON.createObjectNode().put("tenant", "bench").put("clientRequestId", "bench-" + i)
                .put("prompt", "A heavy red rubber ball number " + i + " (600 g) dropped onto a concrete floor. Camera: static wide shot."
                        + "\n00:00–00:03: the ball falls and bounces twice, each bounce lower.\n00:03–00:05: it rolls to a stop.");
        request.putArray("audioCues").add("rubber thud at 00:01.2").add("smaller thud at 00:02.1");
        request.putObject("settings").put("aspectRatio", "16:9").put("durationSeconds", 5).put("resolution", "360p").put("fps", 24)
                .put("variations", 1).put("style", "studio");
        return request;
    }

    private static ObjectNode input(ObjectNode request) {
        ObjectNode input = JSON.createObjectNode();
        input.set("request", request);
        input.putObject("source").put("kind", "api");
        return input;
    }

    private static SfnClient client(LocalServe serve) {
        return SfnClient.builder().endpointOverride(serve.endpoint()).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAwsStack.CREDENTIALS.accessKeyId(), LocalAwsStack.CREDENTIALS.secretAccessKey())))
                .build();
    }

    private static DescribeExecutionResponse await(SfnClient sfn, String arn) throws InterruptedException {
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
            if (described.status() != ExecutionStatus.RUNNING) {
                return described;
            }
            Thread.sleep(500);
        }
    }

    /** Samples the JVM's resident set and heap every 100 ms: VmHWM alone would include the warm-up. */
    private static Thread sampler() {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRssKb.accumulateAndGet(status("VmRSS"), Math::max);
                peakHeapBytes.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Resets the kernel's peak RSS (VmHWM) and the heap pools' peaks, so the figures cover the batch only. */
    private static void resetPeaks() throws IOException {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPoolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long status(String field) {
        return status(Path.of("/proc/self/status"), field);
    }

    private static long status(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** utime + stime of the JVM and of the children it has waited for (the ffmpeg/ffprobe runs), in clock ticks. */
    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static long motoPeakRssKb() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("moto"))
                .mapToLong(p -> status(Path.of("/proc/" + p.pid() + "/status"), "VmHWM")).max().orElse(0);
    }
}

/**
 * The animatic for the first clip (the warm-up), then that clip again for every request, answered COMPLETED at once:
 * a provider that costs nothing, so the batch measures Reelforge's own work.
 */
final class PremadeClipProvider implements VideoProvider {
    private final AnimaticProvider animatic;
    private final Path premade;
    private final AtomicInteger submissions = new AtomicInteger();

    PremadeClipProvider(AnimaticProvider animatic, Path premade) {
        this.animatic = animatic;
        this.premade = premade;
    }

    int premadeSubmissions() {
        return submissions.get();
    }

    @Override
    public String name() {
        return AnimaticProvider.NAME;
    }

    @Override
    public ProviderJob submit(GenerationSpec spec, String idempotencyKey) {
        if (!Files.exists(premade)) {
            return animatic.submit(spec, idempotencyKey);
        }
        submissions.incrementAndGet();
        return new ProviderJob("premade-" + AnimaticProvider.jobId(idempotencyKey).substring(5), ProviderJob.State.COMPLETED, 100, 1, "");
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        return providerJobId.startsWith("premade-") ? new ProviderJob(providerJobId, ProviderJob.State.COMPLETED, 100, 1, "")
                : animatic.poll(providerJobId);
    }

    @Override
    public void download(String providerJobId, Path target) {
        try {
            if (providerJobId.startsWith("premade-")) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.copy(premade, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            animatic.download(providerJobId, target);
            Files.copy(target, premade, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the premade clip: " + e.getMessage(), e);
        }
    }
}
