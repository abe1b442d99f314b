package dev.reelforge.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.job.StorageKeys;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The S3 adapter against LocalStack's S3 (path-style, static test/test credentials), as it will run against AWS. */
@Tag("localstack")
class S3ClipStoreLocalStackTest {
    private static final String BUCKET = "clips-" + Long.toString(System.currentTimeMillis(), 36);

    @TempDir
    Path work;

    private static LocalStackInstance localStack;
    private static AwsClients clients;
    private static S3ClipStore store;

    @BeforeAll
    static void attach() {
        localStack = ConformancePaths.localStack(ConformancePaths.repositoryRoot());
        URI endpoint = localStack.endpoint();
        clients = AwsClients.create(
                AwsEndpoints.local("us-east-1", endpoint, endpoint, AwsEndpoints.LocalCredentials.of("test", "test")));
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        store = new S3ClipStore(clients.s3(), BUCKET);
    }

    @AfterAll
    static void detach() {
        if (clients != null) {
            clients.close();
        }
        if (localStack != null) {
            localStack.close();
        }
    }

    @Test
    void putBytes_thenGetBytes_returnsContentWithSha256Checksum() throws Exception {
        byte[] request = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        store.putBytes("jobs/acme/j1/request.json", request, "application/json");

        assertThat(store.getBytes("jobs/acme/j1/request.json"))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(request));
        HeadObjectResponse head = head("jobs/acme/j1/request.json");
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.checksumSHA256()).isEqualTo(sha256(request));
    }

    @Test
    void missingKey_isEmptyAbsentAndNoSuchElement() {
        assertThat(store.getBytes("jobs/acme/none/request.json")).isEmpty();
        assertThat(store.exists("jobs/acme/none/request.json")).isFalse();
        assertThatThrownBy(() -> store.download("jobs/acme/none/original.mp4", work.resolve("missing.mp4")))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("jobs/acme/none/original.mp4");
        assertThat(work.resolve("missing.mp4")).doesNotExist();
    }

    @Test
    void putFile_over8MiB_goesMultipartWithPartChecksumsAndDownloadsIdentical() throws Exception {
        byte[] clip = new byte[17 * 1024 * 1024 + 5];
        new Random(42).nextBytes(clip);
        Path source = Files.write(work.resolve("clip.mp4"), clip);
        String key = StorageKeys.clip("acme", "j2", 1, 0);

        store.putFile(key, source, "video/mp4");
        store.download(key, work.resolve("back.mp4"));

        assertThat(work.resolve("back.mp4")).hasBinaryContent(clip);
        HeadObjectResponse head = head(key);
        assertThat(head.contentLength()).isEqualTo(clip.length);
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.eTag()).as("a multipart ETag ends in -<parts>").endsWith("-3\"");
        assertThat(head.checksumSHA256())
                .as("composite checksum of the three parts")
                .isNotBlank();
    }

    @Test
    void putFile_between5And8MiB_isOnePutWithFullObjectChecksum() throws Exception {
        byte[] clip = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(clip);
        String key = StorageKeys.clip("acme", "j3", 1, 0);

        store.putFile(key, Files.write(work.resolve("six.mp4"), clip), "video/mp4");

        assertThat(head(key).checksumSHA256()).isEqualTo(sha256(clip));
        assertThat(store.getBytes(key))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(clip));
    }

    @Test
    void presignGet_tenantKey_downloadsWithoutCredentials() throws Exception {
        byte[] report = "{\"verdict\":\"pass\"}".getBytes(StandardCharsets.UTF_8);
        String key = StorageKeys.report("acme", "j4");
        store.putBytes(key, report, "application/json");

        URL url = store.presignGet("acme", key, Duration.ofMinutes(5));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url.toURI()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(report);
    }

    @Test
    void presignGet_keyOutsideTenantPrefix_isRefused() {
        Duration ttl = Duration.ofMinutes(5);

        assertThatThrownBy(() -> store.presignGet("acme", StorageKeys.report("globex", "j5"), ttl))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.presignGet("acme", "outputs/acme/../globex/j5/report.json", ttl))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.presignGet("acme", "outputs/acme", ttl))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.presignGet("acme", "acme/j5/report.json", ttl))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.presignGet("../acme", "outputs/../acme/x", ttl))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HeadObjectResponse head(String key) {
        return clients.s3().headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    }

    private static String sha256(byte[] content) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
