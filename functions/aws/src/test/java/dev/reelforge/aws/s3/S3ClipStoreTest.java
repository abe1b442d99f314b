package dev.reelforge.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Random;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the adapter against a real S3 server: S3Proxy in-process, filesystem blob store, SigV4. */
class S3ClipStoreTest {
    private static final String BUCKET = "clips";

    @TempDir
    static Path root;

    @TempDir
    Path work;

    private static S3Proxy proxy;
    private static AwsClients clients;
    private static S3ClipStore store;

    @BeforeAll
    static void startServer() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(root.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-key", "test-secret")
                .build();
        proxy.start();
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        clients = AwsClients.create(AwsEndpoints.local(
                "us-east-1", endpoint, endpoint, AwsEndpoints.LocalCredentials.of("test-key", "test-secret")));
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        store = S3ClipStore.filesystemBacked(clients.s3(), BUCKET, root);
    }

    @AfterAll
    static void stopServer() throws Exception {
        clients.close();
        proxy.stop();
    }

    @Test
    void putBytes_thenGetBytes_returnsContent() {
        store.putBytes("jobs/j1/request.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(store.getBytes("jobs/j1/request.json"))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}"));
        assertThat(clients.s3()
                        .headObject(b -> b.bucket(BUCKET).key("jobs/j1/request.json"))
                        .contentType())
                .isEqualTo("application/json");
    }

    @Test
    void getBytes_whenMissing_returnsEmpty() {
        assertThat(store.getBytes("jobs/none/request.json")).isEmpty();
    }

    @Test
    void exists_reflectsObjectPresence() {
        store.putBytes("jobs/j2/a.txt", new byte[] {1}, "text/plain");

        assertThat(store.exists("jobs/j2/a.txt")).isTrue();
        assertThat(store.exists("jobs/j2/b.txt")).isFalse();
    }

    @Test
    void size_fromAHead_emptyForNoObject() {
        store.putBytes("jobs/j3/a.bin", new byte[1234], "application/octet-stream");

        assertThat(store.size("jobs/j3/a.bin")).hasValue(1234);
        assertThat(store.size("jobs/j3/missing.bin")).isEmpty();
    }

    @Test
    void putFile_thenDownload_replacesTargetWithSameBytes() throws Exception {
        byte[] clip = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(clip);
        Path source = Files.write(work.resolve("clip.mp4"), clip);
        Path target =
                Files.writeString(Files.createDirectories(work.resolve("out")).resolve("clip.mp4"), "old");

        store.putFile("jobs/j3/original.mp4", source, "video/mp4");
        store.download("jobs/j3/original.mp4", target);

        assertThat(target).hasBinaryContent(clip);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void download_whenMissing_throwsNoSuchElementAndLeavesNoPartialFile() throws Exception {
        Path target = work.resolve("missing.mp4");

        assertThatThrownBy(() -> store.download("jobs/none/original.mp4", target))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("jobs/none/original.mp4");
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void locate_whenFilesystemBacked_returnsPlainFileWithObjectBytes() throws Exception {
        store.putBytes("jobs/j4/final.mp4", new byte[] {7, 8, 9}, "video/mp4");

        Path located = Path.of(store.locate("jobs/j4/final.mp4"));

        assertThat(located).isEqualTo(root.toAbsolutePath().resolve("clips/jobs/j4/final.mp4"));
        assertThat(located).isRegularFile().hasBinaryContent(new byte[] {7, 8, 9});
    }

    @Test
    void locate_whenAwsBacked_returnsS3Uri() {
        assertThat(new S3ClipStore(clients.s3(), "bucket-x").locate("jobs/j/final.mp4"))
                .isEqualTo("s3://bucket-x/jobs/j/final.mp4");
    }

    @Test
    void putFile_over8MiB_uploadsInPartsAndDownloadsIdentical() throws Exception {
        byte[] clip = new byte[9 * 1024 * 1024 + 3];
        new Random(5).nextBytes(clip);
        Path source = Files.write(work.resolve("big.mp4"), clip);

        store.putFile("clips/acme/j5/1/0.mp4", source, "video/mp4");
        store.download("clips/acme/j5/1/0.mp4", work.resolve("back.mp4"));

        assertThat(work.resolve("back.mp4")).hasBinaryContent(clip);
        assertThat(clients.s3()
                        .headObject(b -> b.bucket(BUCKET).key("clips/acme/j5/1/0.mp4"))
                        .eTag())
                .endsWith("-2\"");
        assertThat(Path.of(store.locate("clips/acme/j5/1/0.mp4")))
                .as("still a plain file for the user")
                .hasBinaryContent(clip);
    }

    @Test
    void presignGet_signedUrlServesObjectAndTamperedKeyIsRejected() throws Exception {
        store.putBytes("outputs/acme/j6/report.json", new byte[] {1, 2}, "application/json");
        store.putBytes("outputs/globex/j6/report.json", new byte[] {3}, "application/json");
        HttpClient http = HttpClient.newHttpClient();

        URI signed = store.presignGet("acme", "outputs/acme/j6/report.json", Duration.ofMinutes(5))
                .toURI();
        URI tampered = URI.create(signed.toString().replace("outputs/acme/", "outputs/globex/"));

        assertThat(http.send(HttpRequest.newBuilder(signed).build(), HttpResponse.BodyHandlers.ofByteArray())
                        .body())
                .containsExactly(1, 2);
        assertThat(http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);
        assertThatThrownBy(() -> store.presignGet("acme", "outputs/globex/j6/report.json", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
