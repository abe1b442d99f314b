import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.ingest.IngestStep;
import dev.reelforge.core.port.RenderStarter.StartedExecution;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.runtime.Definitions;
import dev.reelforge.local.runtime.LocalWorkflow;
import dev.reelforge.local.stack.LocalAwsStack;
import dev.reelforge.local.stack.LocalS3Server;
import dev.reelforge.local.stack.S3ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch of N requests from a manifest in the local S3 (S3Proxy through the AWS SDK), as the schedule starts one:
 * the ingest step reads the manifest and, past Step Functions' 256 KiB input, writes the items file; batch.asl.json
 * runs on the engine, its Distributed Map reading that file from S3 and exporting its results to S3. Each render is
 * a fast fake: the Render task's startExecution.sync:2 answers SUCCEEDED at once with a render summary, so this
 * measures the batch machine and its S3 traffic, not the render pipeline (bench/batch/run.sh measures that, at about
 * 1.5-2 s of machine time per request). Prints one line of key=value figures.
 *
 * Usage: java -cp <cli classpath> bench/batch/ManifestBatchBench.java N MAX_CONCURRENCY DATA_DIR
 */
public class ManifestBatchBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int maxConcurrency = Integer.parseInt(args[1]);
        Path data = Path.of(args[2]).toAbsolutePath();
        String bucket = LocalAwsStack.Settings.DEFAULT_BUCKET;
        try (LocalS3Server s3 = LocalS3Server.start(data.resolve("s3"), LocalAwsStack.CREDENTIALS);
                AwsClients clients = AwsClients.create(AwsEndpoints.local("us-east-1", s3.endpoint(), s3.endpoint(), LocalAwsStack.CREDENTIALS))) {
            clients.s3().createBucket(b -> b.bucket(bucket));
            S3ClipStore clips = new S3ClipStore(clients.s3(), bucket);
            ObjectNode manifest = JSON.createObjectNode();
            ArrayNode requests = manifest.putArray("requests");
            for (int i = 0; i < n; i++) {
                requests.addObject().put("tenant", "bench").put("clientRequestId", "bench-" + i)
                        .put("prompt", "A heavy red rubber ball number " + i + " (600 g) dropped onto a concrete floor. Camera: static wide shot.");
            }
            clips.putBytes("manifests/bench.json", JSON.writeValueAsBytes(manifest), "application/json");
            StateMachine batch = StateMachine.parse(Definitions.substitute(Definitions.load("batch.asl.json"), Definitions.localSubstitutions()));
            AtomicInteger renders = new AtomicInteger();
            Engine engine = new Engine((resource, task, context) -> {
                        renders.incrementAndGet();
                        return render(task.path("Name").asText());
                    }, EngineClock.system())
                    .withRandom(new Random(1))
                    .withObjects(new S3ObjectStore(clients.s3()));
            String batchArn = LocalWorkflow.stateMachineArn(LocalWorkflow.BATCH_MACHINE);
            AtomicReference<ExecutionResult> result = new AtomicReference<>();
            AtomicReference<JsonNode> batchInput = new AtomicReference<>();
            long start = System.nanoTime();
            IngestStep ingest = new IngestStep(clips, (machine, name, input) -> {
                try {
                    batchInput.set(JSON.readTree(input));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                result.set(engine.run(batch, machine, name, batchInput.get()));
                return StartedExecution.started(result.get().executionArn());
            }, JSON, LocalWorkflow.stateMachineArn(LocalWorkflow.RENDER_MACHINE), batchArn);
            ingest.onSchedule(JSON.createObjectNode().put("manifestKey", "manifests/bench.json").put("maxConcurrency", maxConcurrency)
                    .put("scheduledTime", "bench-" + n));
            double wall = (System.nanoTime() - start) / 1e9;
            ExecutionResult done = result.get();
            JsonNode details = done.output() == null ? JSON.createObjectNode() : done.output().path("resultWriterDetails");
            int exported = 0;
            if (details.has("Key")) {
                JsonNode files = JSON.readTree(clips.getBytes(details.path("Key").asText()).orElseThrow());
                for (JsonNode file : files.at("/ResultFiles/SUCCEEDED")) {
                    exported += JSON.readTree(clips.getBytes(file.path("Key").asText()).orElseThrow()).size();
                }
            }
            System.out.printf(Locale.ROOT, "n=%d maxConcurrency=%d path=%s status=%s renders=%d results_exported=%d wall_s=%.1f per_request_ms=%.1f%n",
                    n, maxConcurrency, batchInput.get().has("itemsKey") ? "distributed-map" : "inline", done.status(), renders.get(), exported,
                    wall, wall * 1000 / n);
            if (done.status() != ExecutionResult.Status.SUCCEEDED) {
                System.err.println(done.error() + ": " + done.cause());
                System.exit(1);
            }
        }
    }

    /** startExecution.sync:2's answer for a render that succeeded, its Output a render summary's size. */
    private static JsonNode render(String name) {
        ObjectNode answer = JSON.createObjectNode()
                .put("ExecutionArn", "arn:aws:states:us-east-1:000000000000:execution:reelforge-render:" + name)
                .put("Name", name).put("Status", "SUCCEEDED");
        answer.putObject("Output").put("status", "SUCCEEDED").put("jobId", name).put("verdict", "pass")
                .put("report", "outputs/bench/" + name + "/report.json");
        return answer;
    }
}
