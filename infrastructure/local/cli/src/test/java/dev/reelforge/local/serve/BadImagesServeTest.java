package dev.reelforge.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.badinput.BadImages;
import dev.reelforge.local.badinput.BadImages.BadImage;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult.Status;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus's bad reference images as the API names them ({@link BadImages#keys}: objects in the bucket,
 * keys outside the tenant's prefix or through {@code ..}) against {@code reelforge serve}'s Step Functions endpoint:
 * every execution ends rejected, its cause naming {@code referenceImage}, with the job recorded REJECTED and no
 * provider job.
 */
class BadImagesServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static LocalAwsStack stack;
    private static LocalServe serve;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createDirectory(root.resolve("data"));
        stack = LocalAwsStack.start(data);
        serve = LocalServe.start(stack, data, 0, EngineClock.system());
        for (BadImage image : BadImages.keys()) {
            if (image.placement() == BadImages.Placement.HERE) {
                stack.clipStore().putBytes(image.file(), image.bytes(), "image/png");
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        serve.close();
        stack.close();
    }

    private static String startExecution(String name, JsonNode request) throws IOException, InterruptedException {
        ObjectNode input = JSON.createObjectNode().set("request", request);
        input.putObject("source").put("kind", "api");
        ObjectNode body = JSON.createObjectNode()
                .put("stateMachineArn", LocalServe.RENDER_ARN)
                .put("name", name)
                .put("input", JSON.writeValueAsString(input));
        HttpRequest post = HttpRequest.newBuilder(URI.create(serve.endpoint() + "/"))
                .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("executionArn").asText();
    }

    @Test
    void startExecution_everyBadImage_endsRejectedNamingReferenceImageWithoutAProviderJob() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (BadImage image : BadImages.keys()) {
            String name = "image-" + image.name();
            String arn = startExecution(name, JSON.readTree(image.request().text()));
            LocalExecution execution = serve.executions().execution(arn);
            assertThat(execution.awaitEnd(2, TimeUnit.MINUTES)).as(name).isTrue();

            softly.assertThat(execution.status()).as(name).isEqualTo(Status.FAILED);
            softly.assertThat(execution.error()).as(name).isEqualTo("Reelforge.RequestRejected");
            String message =
                    JSON.readTree(execution.cause()).path("errorMessage").asText();
            softly.assertThat(image.request().isNamedIn(message, UnaryOperator.identity()))
                    .as("%s: the cause names referenceImage: %s", name, message)
                    .isTrue();
            JobRecord job = stack.jobStore().find(name).orElse(null);
            softly.assertThat(job).as("%s: job recorded", name).isNotNull();
            if (job != null) {
                softly.assertThat(job.status()).as(name).isEqualTo(JobStatus.REJECTED);
                softly.assertThat(job.providerSubmissions()).as(name).isZero();
            }
        }
        softly.assertAll();
    }
}
