package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.ObjectStoreException;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.engine.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The adapter against S3Proxy, and a Distributed Map reading and writing through it. */
class S3ObjectStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static LocalS3Server server;
    private static AwsClients clients;
    private static S3ObjectStore store;

    @BeforeAll
    static void start() {
        AwsEndpoints.LocalCredentials credentials = AwsEndpoints.LocalCredentials.of("test-key", "test-secret");
        server = LocalS3Server.start(root, credentials);
        clients = AwsClients.create(AwsEndpoints.local("us-east-1", server.endpoint(), server.endpoint(), credentials));
        clients.s3().createBucket(b -> b.bucket("data"));
        store = new S3ObjectStore(clients.s3());
    }

    @AfterAll
    static void stop() {
        clients.close();
        server.close();
    }

    private static void put(String key, String body) {
        clients.s3().putObject(b -> b.bucket("data").key(key), RequestBody.fromString(body));
    }

    @Test
    void open_streamsTheObject() throws IOException {
        put("a/one.txt", "hello");
        try (InputStream in = store.open("data", "a/one.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void open_missingKey_failsNamingTheS3ErrorAndTheObject() {
        assertThatThrownBy(() -> store.open("data", "nope.json"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("NoSuchKey")
                .hasMessageContaining("s3://data/nope.json");
    }

    @Test
    void list_returnsThePrefixWithSizesAndETags() {
        put("l/x.mp4", "xx");
        put("l/y.mp4", "y");
        ObjectStore.Page page = store.list("data", "l/", null);

        assertThat(page.objects()).extracting(ObjectStore.Summary::key).containsExactly("l/x.mp4", "l/y.mp4");
        assertThat(page.objects().get(0).size()).isEqualTo(2);
        assertThat(page.objects().get(0).eTag()).startsWith("\"");
        assertThat(page.nextContinuationToken()).isNull();
    }

    @Test
    void distributedMap_readsItemsFromAndWritesResultsToTheLocalS3() throws IOException {
        put("jobs/manifest.json", "[{\"n\":1},{\"n\":2}]");
        StateMachine machine = StateMachine.parse("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                    "Parameters":{"Bucket":"data","Key":"jobs/manifest.json"}},
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"data","Prefix":"out"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}}}}}""");
        ExecutionResult result = new Engine((r, in, c) -> in, new VirtualClock())
                .withRandom(new Random(3))
                .withObjects(store)
                .run(machine, "arn:aws:states:us-east-1:000000000000:stateMachine:b", "e", JSON.createObjectNode());

        assertThat(result.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        String manifestKey = result.output().at("/ResultWriterDetails/Key").asText();
        JsonNode manifest = read(manifestKey);
        JsonNode succeeded = read(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText());
        assertThat(succeeded.findValuesAsText("Output")).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
    }

    private static JsonNode read(String key) throws IOException {
        try (InputStream in = store.open("data", key)) {
            return JSON.readTree(in);
        }
    }
}
