import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.stack.LocalS3Server;
import dev.reelforge.local.stack.S3ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * N items from a JSON manifest in the local S3 (S3Proxy, through the AWS SDK) through a Distributed Map (ItemReader →
 * ItemSelector → child executions of Pass → Choice → Succeed → ResultWriter back to S3) on the engine, in this JVM.
 * Samples the process's resident set every 20 ms during the run and prints one line of key=value figures: peak RSS
 * (the larger of the samples and the kernel's VmHWM), RSS before the run, live heap after a full GC, wall time, and
 * the number of results the SUCCEEDED file holds (read back after the figures are taken).
 *
 * Usage: java -cp <cli classpath> bench/distributed-map/DistributedMapBench.java N DATA_DIR
 */
public class DistributedMapBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFINITION = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","End":true,"MaxConcurrency":40,
              "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                "Parameters":{"Bucket":"bench","Key":"manifests/items.json"}},
              "ItemSelector":{"index.$":"$$.Map.Item.Index","clip.$":"$$.Map.Item.Value"},
              "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"bench","Prefix":"runs"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Shape",
                "States":{
                  "Shape":{"Type":"Pass","Parameters":{"name.$":"$.clip.name","seconds.$":"$.clip.settings.durationSeconds"},"Next":"Check"},
                  "Check":{"Type":"Choice","Choices":[{"Variable":"$.seconds","NumericLessThanEquals":10,"Next":"Done"}],"Default":"Done"},
                  "Done":{"Type":"Succeed"}}}}}}""";

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).toAbsolutePath();
        AwsEndpoints.LocalCredentials credentials = AwsEndpoints.LocalCredentials.of("bench", "bench-secret");
        try (LocalS3Server s3 = LocalS3Server.start(data.resolve("s3"), credentials);
                AwsClients clients = AwsClients.create(AwsEndpoints.local("us-east-1", s3.endpoint(), s3.endpoint(), credentials))) {
            clients.s3().createBucket(b -> b.bucket("bench"));
            Path manifest = data.resolve("items.json");
            writeManifest(manifest, n);
            clients.s3().putObject(b -> b.bucket("bench").key("manifests/items.json"), RequestBody.fromFile(manifest));
            Files.delete(manifest);
            StateMachine machine = StateMachine.parse(DEFINITION);
            Engine engine = new Engine((resource, input, context) -> input, EngineClock.system())
                    .withRandom(new Random(1))
                    .withObjects(new S3ObjectStore(clients.s3()));
            System.gc();
            long baselineKb = status("VmRSS");
            AtomicLong peakKb = new AtomicLong(baselineKb);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakKb.accumulateAndGet(status("VmRSS"), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            ExecutionResult result = engine.run(machine, "arn:aws:states:us-east-1:000000000000:stateMachine:bench", "run-" + n,
                    JSON.createObjectNode());
            double wall = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            long peak = Math.max(peakKb.get(), status("VmHWM"));
            System.gc();
            System.gc();
            long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long results = result.status() == ExecutionResult.Status.SUCCEEDED ? countResults(clients, result.output()) : -1;
            System.out.printf(Locale.ROOT,
                    "n=%d status=%s results=%d wall_s=%.1f items_per_s=%.0f peak_rss_mib=%.0f baseline_rss_mib=%.0f "
                            + "heap_after_gc_mib=%.1f max_heap_mib=%d%n",
                    n, result.status(), results, wall, n / wall, peak / 1024.0, baselineKb / 1024.0, liveHeap / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576);
            if (result.status() != ExecutionResult.Status.SUCCEEDED) {
                System.err.println(result.error() + ": " + result.cause());
                System.exit(1);
            }
        }
    }

    /** A manifest of render requests, written as a stream so that the bench itself does not hold N items. */
    private static void writeManifest(Path file, int n) throws Exception {
        try (JsonGenerator out = JSON.createGenerator(file.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            out.writeStartArray();
            for (int i = 0; i < n; i++) {
                out.writeStartObject();
                out.writeStringField("name", "clip-" + i);
                out.writeStringField("prompt", "A heavy red rubber ball number " + i + " dropped onto a concrete floor.");
                out.writeObjectFieldStart("settings");
                out.writeStringField("aspectRatio", "16:9");
                out.writeNumberField("durationSeconds", 5);
                out.writeStringField("resolution", "360p");
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
        }
    }

    private static long countResults(AwsClients clients, JsonNode output) throws Exception {
        JsonNode manifest;
        String key = output.at("/ResultWriterDetails/Key").asText();
        try (InputStream in = clients.s3().getObject(b -> b.bucket("bench").key(key))) {
            manifest = JSON.readTree(in);
        }
        long count = 0;
        for (JsonNode file : manifest.at("/ResultFiles/SUCCEEDED")) {
            try (InputStream in = clients.s3().getObject(b -> b.bucket("bench").key(file.get("Key").asText()));
                    JsonParser parser = JSON.createParser(in)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    count++;
                }
            }
        }
        return count;
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
