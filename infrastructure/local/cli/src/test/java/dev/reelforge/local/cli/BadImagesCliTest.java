package dev.reelforge.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.core.job.JobRecord;
import dev.reelforge.core.job.JobStatus;
import dev.reelforge.local.badinput.BadImages;
import dev.reelforge.local.badinput.BadImages.BadImage;
import dev.reelforge.local.badinput.BadInputCorpus.BadRequest;
import dev.reelforge.local.cli.InProcessCli.Outcome;
import dev.reelforge.local.stack.LocalAwsStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus's bad reference images ({@link BadImages#files}) through {@code reelforge validate} and
 * {@code reelforge run} on one local stack: each exits 2 naming {@code referenceImage} in one line without a stack
 * trace, and a run that opened a job recorded it REJECTED with no provider job.
 */
class BadImagesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat [\\w.$/]+\\(|Caused by: |Exception: |\\bat java\\.");

    @TempDir
    static Path root;

    private static Path data;
    private static Path requests;
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createDirectory(root.resolve("data"));
        requests = Files.createDirectories(root.resolve("outside").resolve("requests"));
        for (BadImage image : BadImages.files()) {
            Files.write(
                    requests.resolve(image.name() + ".json"), image.request().bytes());
            Path above = requests.getParent().resolve(image.file());
            switch (image.placement()) {
                case HERE -> Files.write(requests.resolve(image.file()), image.bytes());
                case ABOVE -> Files.write(above, image.bytes());
                case LINK ->
                    Files.createSymbolicLink(requests.resolve(image.value()), Files.write(above, image.bytes()));
                case NONE -> {}
            }
        }
        stack = LocalAwsStack.start(data);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Outcome execute(String... args) {
        return InProcessCli.execute(stack, args);
    }

    @Test
    void validateAndRun_everyBadImage_exitTwoNamingReferenceImageBeforeAnyProviderJob() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (BadImage image : BadImages.files()) {
            BadRequest request = image.request();
            String file = requests.resolve(image.name() + ".json").toString();
            for (String command : List.of("validate", "run")) {
                Outcome outcome = command.equals("validate")
                        ? execute("validate", file)
                        : execute("run", "--json", "--data-dir", data.toString(), file);
                String what = command + " " + image.name();
                softly.assertThat(outcome.exit()).as("%s: %s", what, outcome).isEqualTo(ReelforgeCli.INVALID_INPUT);
                softly.assertThat(STACK_TRACE
                                .matcher(outcome.out() + outcome.err() + outcome.streams())
                                .find())
                        .as("%s printed a stack trace: %s", what, outcome)
                        .isFalse();
                JsonNode doc = JSON.readTree(
                        command.equals("validate") || outcome.out().isBlank() ? "{}" : outcome.out());
                String message = doc.has("reason") ? doc.path("reason").asText() : outcome.err();
                softly.assertThat(request.isNamedIn(message, UnaryOperator.identity()))
                        .as("%s names referenceImage: %s", what, message)
                        .isTrue();
                JobRecord job = doc.path("jobId").asText().isEmpty()
                        ? null
                        : stack.jobStore().find(doc.path("jobId").asText()).orElse(null);
                if (job != null) {
                    softly.assertThat(job.status()).as(what).isEqualTo(JobStatus.REJECTED);
                    softly.assertThat(job.providerSubmissions()).as(what).isZero();
                }
            }
        }
        softly.assertAll();
    }
}
